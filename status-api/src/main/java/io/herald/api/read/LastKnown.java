package io.herald.api.read;

import io.herald.model.ComponentStatus;
import java.time.Instant;

/**
 * A component's last recorded change, from PostgreSQL's history: what the page shows (marked stale) for a component
 * the current-status hash does not hold, because the evaluator has not judged it yet or Redis lost its data.
 *
 * @param status the change's {@code to}
 * @param at     when the evaluator decided it
 */
public record LastKnown(ComponentStatus status, Instant at, String cause, String detail) {
}
