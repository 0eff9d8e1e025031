package io.herald.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A component moved from one status to another. Appended to the changes stream (field "change", JSON)
 * and published on the live channel inside a {@link LiveNotice}.
 *
 * @param component the catalog component id
 * @param from      the status before, or null for the first evaluation of the component
 * @param to        the status now
 * @param at        when the evaluator decided it
 * @param cause     which checks caused it (check ids, comma separated)
 * @param detail    the failing checks' details in words
 */
public record StatusChange(
        @JsonProperty("component") String component,
        @JsonProperty("from") ComponentStatus from,
        @JsonProperty("to") ComponentStatus to,
        @JsonProperty("at") Instant at,
        @JsonProperty("cause") String cause,
        @JsonProperty("detail") String detail) {
}
