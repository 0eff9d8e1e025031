package io.herald.model.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.model.ComponentStatus;
import java.util.List;

/**
 * Herald's native status document, the body of status-api's {@code GET /api/v1/status}: the page, its indicator,
 * the services with their components and why each is so, the open incidents and the maintenance shown, and the id of
 * the last change it includes (to resume the stream from).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusDocument(
        @JsonProperty("page") Page page,
        @JsonProperty("status") Indicator status,
        @JsonProperty("services") List<Service> services,
        @JsonProperty("incidents") List<Incident> incidents,
        @JsonProperty("maintenances") List<Incident> maintenances,
        @JsonProperty("last_event_id") String lastEventId) {

    /** A service of the catalog (a Statuspage component group) with its components. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") ComponentStatus status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("components") List<Component> components) {
    }

    /**
     * @param since     when the component entered its status (ISO-8601), null before its first evaluation
     * @param cause     the checks behind the status (comma separated; empty when operational)
     * @param detail    the failing checks' details in words
     * @param evaluated false while the evaluator has not judged the component yet (it is then shown operational)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
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
}
