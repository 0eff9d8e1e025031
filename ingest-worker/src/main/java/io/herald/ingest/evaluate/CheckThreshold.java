package io.herald.ingest.evaluate;

import io.herald.model.CheckOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns one check's stream of observations into a state. A check goes DOWN after {@code failuresToDown}
 * consecutive failures and leaves DOWN after {@code successesToUp} consecutive good results; it is DEGRADED
 * after {@code failuresToDown} consecutive slow good results and UP again after {@code successesToUp} fast
 * ones. Below a threshold nothing changes, except that a check with no state yet (UNKNOWN) becomes UP:
 * it has answered, and one failure is not yet an outage.
 */
public record CheckThreshold(int failuresToDown, int successesToUp, Duration latencyLimit) {

    public CheckThreshold {
        if (failuresToDown < 1 || successesToUp < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
    }

    public CheckState apply(CheckState before, CheckOutcome outcome, Long latencyMs, String detail,
            Instant observedAt) {
        if (outcome == CheckOutcome.DOWN) {
            int failures = before.failures() + 1;
            CheckHealth state = failures >= failuresToDown ? CheckHealth.DOWN
                    : before.state() == CheckHealth.UNKNOWN ? CheckHealth.UP : before.state();
            return new CheckState(state, failures, 0, 0, 0, detail, observedAt, before.lastEntry(), before.heard());
        }
        boolean slow = outcome == CheckOutcome.DEGRADED
                || (latencyLimit != null && latencyMs != null && latencyMs > latencyLimit.toMillis());
        int successes = before.successes() + 1;
        int slowCount = slow ? before.slow() + 1 : 0;
        int fastCount = slow ? 0 : before.fast() + 1;
        CheckHealth state = switch (before.state()) {
            case DOWN -> successes >= successesToUp ? (slow ? CheckHealth.DEGRADED : CheckHealth.UP) : CheckHealth.DOWN;
            case DEGRADED -> fastCount >= successesToUp ? CheckHealth.UP : CheckHealth.DEGRADED;
            case UP, UNKNOWN -> slowCount >= failuresToDown ? CheckHealth.DEGRADED : CheckHealth.UP;
        };
        return new CheckState(state, 0, successes, slowCount, fastCount, detail, observedAt, before.lastEntry(),
                before.heard());
    }
}
