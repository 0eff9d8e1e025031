package io.herald.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param stale     whether the new state is stale (see {@link ComponentState#stale()}); a change whose {@code from}
 *                  equals {@code to} is a <em>refresh</em>: only the staleness (and its words) changed. Readers apply
 *                  it to what they show; history, uptime, incidents and subscribers ignore it ({@link #isRefresh()})
 * @param staleDetail the words for the staleness, empty when fresh
 */
public record StatusChange(
        @JsonProperty("component") String component,
        @JsonProperty("from") ComponentStatus from,
        @JsonProperty("to") ComponentStatus to,
        @JsonProperty("at") Instant at,
        @JsonProperty("cause") String cause,
        @JsonProperty("detail") String detail,
        @JsonProperty("stale") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean stale,
        @JsonProperty("stale_detail") @JsonInclude(JsonInclude.Include.NON_EMPTY) String staleDetail) {

    public StatusChange {
        staleDetail = staleDetail == null ? "" : staleDetail;
    }

    /** A change to a fresh state. */
    public StatusChange(String component, ComponentStatus from, ComponentStatus to, Instant at, String cause,
            String detail) {
        this(component, from, to, at, cause, detail, false, "");
    }

    /** True when the status stayed the same and only its staleness changed. */
    @JsonIgnore
    public boolean isRefresh() {
        return from != null && from == to;
    }
}
