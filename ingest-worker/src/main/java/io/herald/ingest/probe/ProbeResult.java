package io.herald.ingest.probe;

import io.herald.model.CheckOutcome;
import java.time.Duration;
import java.util.Objects;

/** One observation by a probe: the outcome, how long it took, and what a person should read about it. */
public record ProbeResult(CheckOutcome outcome, long latencyMs, String detail) {

    public ProbeResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative");
        }
    }

    public static ProbeResult up(long latencyMs, String detail) {
        return new ProbeResult(CheckOutcome.UP, latencyMs, detail);
    }

    public static ProbeResult degraded(long latencyMs, String detail) {
        return new ProbeResult(CheckOutcome.DEGRADED, latencyMs, detail);
    }

    public static ProbeResult down(long latencyMs, String detail) {
        return new ProbeResult(CheckOutcome.DOWN, latencyMs, detail);
    }

    /** The caller owns the notion of "slow"; an UP result over its threshold becomes DEGRADED. */
    public ProbeResult degradedWhenSlowerThan(Duration threshold) {
        if (outcome != CheckOutcome.UP || latencyMs <= threshold.toMillis()) {
            return this;
        }
        return degraded(latencyMs, "slow: took " + latencyMs + "ms, over " + threshold.toMillis() + "ms; " + detail);
    }
}
