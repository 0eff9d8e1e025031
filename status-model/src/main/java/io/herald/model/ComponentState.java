package io.herald.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The current status of one component, as kept in the current-status hash (field = component id,
 * value = this record as JSON).
 *
 * @param component the catalog component id
 * @param status    the current status
 * @param since     when it entered this status
 * @param cause     the checks behind it (empty when operational)
 * @param detail    the failing checks' details in words (empty when operational)
 */
public record ComponentState(
        @JsonProperty("component") String component,
        @JsonProperty("status") ComponentStatus status,
        @JsonProperty("since") Instant since,
        @JsonProperty("cause") String cause,
        @JsonProperty("detail") String detail) {
}
