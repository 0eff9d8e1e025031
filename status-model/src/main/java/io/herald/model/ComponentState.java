package io.herald.model;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param stale     true when a check behind it has gone silent past its {@code expect_every} (or Herald lost what
 *                  it knew): the status is the last known one (a silent check that last said up counts as
 *                  degraded, never operational)
 * @param staleDetail in words, which monitor is silent and since when ("no recent data from activesync-monitor
 *                  since 09:12 UTC"); empty when fresh
 */
public record ComponentState(
        @JsonProperty("component") String component,
        @JsonProperty("status") ComponentStatus status,
        @JsonProperty("since") Instant since,
        @JsonProperty("cause") String cause,
        @JsonProperty("detail") String detail,
        @JsonProperty("stale") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean stale,
        @JsonProperty("stale_detail") @JsonInclude(JsonInclude.Include.NON_EMPTY) String staleDetail) {

    public ComponentState {
        staleDetail = staleDetail == null ? "" : staleDetail;
    }

    /** A state whose checks are all fresh. */
    public ComponentState(String component, ComponentStatus status, Instant since, String cause, String detail) {
        this(component, status, since, cause, detail, false, "");
    }
}
