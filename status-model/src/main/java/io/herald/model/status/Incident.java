package io.herald.model.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Statuspage's incident object and, with {@code scheduled_for} and {@code scheduled_until}, its scheduled
 * maintenance (both absent on an incident). The native-only fields {@code automatic} and {@code taken_over} are left
 * out of the v2 bodies ({@link #forV2()}), as are a maintenance's {@code cancelled_at} and {@code revision}. Its OpenAPI schema keeps the name status-api has always published.
 */
@Schema(name = "IncidentBody")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "name", "status", "created_at", "updated_at", "monitoring_at", "resolved_at", "impact",
        "shortlink", "started_at", "page_id", "incident_updates", "components", "scheduled_for", "scheduled_until",
        "automatic", "taken_over", "cancelled_at", "revision"})
public record Incident(
        @JsonProperty("id") @Schema(example = "42") String id,
        @JsonProperty("name") @Schema(example = "ActiveSync: some users cannot connect") String name,
        @JsonProperty("status") @Schema(example = "investigating") String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("monitoring_at") String monitoringAt,
        @JsonProperty("resolved_at") String resolvedAt,
        @JsonProperty("impact") @Schema(example = "major") String impact,
        @JsonProperty("shortlink") String shortlink,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("page_id") String pageId,
        @JsonProperty("incident_updates") List<Update> incidentUpdates,
        @JsonProperty("components") List<StatuspageV2.Component> components,
        @JsonProperty("scheduled_for") @JsonInclude(JsonInclude.Include.NON_NULL) String scheduledFor,
        @JsonProperty("scheduled_until") @JsonInclude(JsonInclude.Include.NON_NULL) String scheduledUntil,
        @JsonProperty("automatic") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean automatic,
        @JsonProperty("taken_over") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean takenOver,
        @JsonProperty("cancelled_at") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "When an operator cancelled this maintenance (native only)") String cancelledAt,
        @JsonProperty("revision") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "How many times this maintenance changed since it was scheduled; a calendar's "
                + "SEQUENCE (native only)") Integer revision) {

    /** The same incident without Herald's native-only fields, as the Statuspage v2 bodies carry it. */
    public Incident forV2() {
        return new Incident(id, name, status, createdAt, updatedAt, monitoringAt, resolvedAt, impact, shortlink,
                startedAt, pageId, incidentUpdates, components, scheduledFor, scheduledUntil, null, null, null, null);
    }

    /** A scheduled maintenance carries its window; an incident has none. Derived, so not a field of the JSON. */
    @JsonIgnore
    public boolean isMaintenance() {
        return scheduledFor != null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Update(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("body") String body,
            @JsonProperty("incident_id") String incidentId,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("display_at") String displayAt,
            @JsonProperty("affected_components") List<AffectedComponent> affectedComponents,
            @JsonProperty("deliver_notifications") boolean deliverNotifications,
            @JsonProperty("custom_tweet") String customTweet,
            @JsonProperty("tweet_id") String tweetId) {
    }

    /** A component's status before and after an update, as Statuspage lists it on the update. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AffectedComponent(
            @JsonProperty("code") String code,
            @JsonProperty("name") String name,
            @JsonProperty("old_status") String oldStatus,
            @JsonProperty("new_status") String newStatus) {
    }
}
