package io.herald.web.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of status-api's GET /api/v1/status, as sent; timestamps stay text until the view reads them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusDocument(
        @JsonProperty("page") Page page,
        @JsonProperty("status") Indicator status,
        @JsonProperty("services") List<Service> services,
        @JsonProperty("last_event_id") String lastEventId,
        @JsonProperty("incidents") List<Incident> incidents,
        @JsonProperty("maintenances") List<Incident> maintenances) {

    /** The document as sent before incidents and maintenance were part of it. */
    public StatusDocument(Page page, Indicator status, List<Service> services, String lastEventId) {
        this(page, status, services, lastEventId, null, null);
    }

    /**
     * A Statuspage incident object as status-api sends it, natively; a scheduled maintenance is the same
     * object with scheduled_for and scheduled_until and the maintenance statuses.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Incident(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("status") String status,
            @JsonProperty("impact") String impact,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("resolved_at") String resolvedAt,
            @JsonProperty("scheduled_for") String scheduledFor,
            @JsonProperty("scheduled_until") String scheduledUntil,
            @JsonProperty("incident_updates") List<IncidentUpdate> updates,
            @JsonProperty("components") List<AffectedComponent> components,
            @JsonProperty("automatic") Boolean automatic,
            @JsonProperty("taken_over") Boolean takenOver) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IncidentUpdate(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("body") String body,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("display_at") String displayAt,
            @JsonProperty("affected_components") List<ComponentTransition> affectedComponents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AffectedComponent(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("status") String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComponentTransition(
            @JsonProperty("code") String code,
            @JsonProperty("name") String name,
            @JsonProperty("old_status") String oldStatus,
            @JsonProperty("new_status") String newStatus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("url") String url,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("updated_at") String updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(
            @JsonProperty("indicator") String indicator,
            @JsonProperty("description") String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") String status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("components") List<Component> components) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") String status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("since") String since,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("cause") String cause,
            @JsonProperty("detail") String detail) {
    }
}
