package io.herald.model.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.herald.model.ComponentStatus;
import java.util.List;

/** The bodies of the Statuspage v2 public API, field for field (see shared/reference/statuspage-v2.md). */
public final class StatuspageV2 {
    private StatuspageV2() {
    }

    /** A component or, with {@code group = true} and its children's ids in {@code components}, a group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"id", "name", "status", "created_at", "updated_at", "position", "description", "showcase",
            "start_date", "group_id", "page_id", "group", "only_show_if_degraded", "components"})
    public record Component(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("status") ComponentStatus status,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("position") int position,
            @JsonProperty("description") String description,
            @JsonProperty("showcase") boolean showcase,
            @JsonProperty("start_date") String startDate,
            @JsonProperty("group_id") String groupId,
            @JsonProperty("page_id") String pageId,
            @JsonProperty("group") boolean group,
            @JsonProperty("only_show_if_degraded") boolean onlyShowIfDegraded,
            // Only groups carry the list of their children, as in Statuspage.
            @JsonProperty("components") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(
            @JsonProperty("page") Page page,
            @JsonProperty("components") List<Component> components,
            @JsonProperty("incidents") List<Incident> incidents,
            @JsonProperty("scheduled_maintenances") List<Incident> scheduledMaintenances,
            @JsonProperty("status") Indicator status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IncidentsBody(@JsonProperty("page") Page page,
            @JsonProperty("incidents") List<Incident> incidents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MaintenancesBody(@JsonProperty("page") Page page,
            @JsonProperty("scheduled_maintenances") List<Incident> scheduledMaintenances) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusBody(@JsonProperty("page") Page page, @JsonProperty("status") Indicator status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ComponentsBody(@JsonProperty("page") Page page,
            @JsonProperty("components") List<Component> components) {
    }
}
