package io.herald.ingest.evaluate;

import io.herald.model.ComponentStatus;

/**
 * A component's status as its checks say now.
 *
 * @param cause       ids of the checks that are not UP, comma separated
 * @param detail      those checks' last details, joined by "; "
 * @param stale       true when a check behind it is stale (its last word is old, or was lost)
 * @param staleDetail the stale checks' words, joined by "; "; empty when fresh
 */
public record ComponentEvaluation(ComponentStatus status, String cause, String detail, boolean stale,
        String staleDetail) {

    public ComponentEvaluation {
        staleDetail = staleDetail == null ? "" : staleDetail;
    }

    /** An evaluation whose checks are all fresh. */
    public ComponentEvaluation(ComponentStatus status, String cause, String detail) {
        this(status, cause, detail, false, "");
    }
}
