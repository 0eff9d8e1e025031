package io.herald.ingest.evaluate;

import io.herald.model.ComponentStatus;

/**
 * A component's status as its checks say now.
 *
 * @param cause  ids of the checks that are not UP, comma separated
 * @param detail those checks' last details, joined by "; "
 */
public record ComponentEvaluation(ComponentStatus status, String cause, String detail) {
}
