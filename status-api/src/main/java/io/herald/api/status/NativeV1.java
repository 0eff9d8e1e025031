package io.herald.api.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.api.incident.IncidentBody;
import io.herald.model.ComponentStatus;
import java.util.List;

/** The body of Herald's native {@code /api/v1/status}: services with their components and why they are so. */
public final class NativeV1 {
    private NativeV1() {
    }

    public record Page(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("url") String url,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("updated_at") String updatedAt) {
    }

    public record Status(
            @JsonProperty("indicator") String indicator,
            @JsonProperty("description") String description) {
    }

    public record Service(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") ComponentStatus status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("components") List<Component> components) {
    }

    /**
     * @param evaluated false while the evaluator has not judged the component yet (it is then shown operational)
     */
    public record Component(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") ComponentStatus status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("since") String since,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("cause") String cause,
            @JsonProperty("detail") String detail,
            @JsonProperty("evaluated") boolean evaluated) {
    }

    public record Body(
            @JsonProperty("page") Page page,
            @JsonProperty("status") Status status,
            @JsonProperty("services") List<Service> services,
            @JsonProperty("incidents") List<IncidentBody> incidents,
            @JsonProperty("maintenances") List<IncidentBody> maintenances,
            @JsonProperty("last_event_id") String lastEventId) {
    }
}
