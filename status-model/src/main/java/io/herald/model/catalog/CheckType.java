package io.herald.model.catalog;

import java.util.Objects;

/**
 * A check type: its wire name in the catalog ({@code http}, {@code webhook}) and how a check of it learns its
 * outcome: an active probe run by ingest-worker, an upstream status pulled on an interval, or signals pushed by a
 * monitor. Each type is declared by its {@link CheckOptionsParser}.
 */
public record CheckType(String wire, Kind kind, Silence silence) {

    /** Who produces the signals: a probe from each location, a pull of an upstream status, or a pushing monitor. */
    public enum Kind { PROBE, PULL, PUSH }

    /**
     * What a check of this type is once nothing was heard from it for longer than its {@code expect_every}: stale (its
     * last word kept and marked as such, a silent "up" shown as degraded, never operational), or down (a heartbeat
     * that was missed means the job that should send it did not run).
     */
    public enum Silence { STALE, DOWN }

    public CheckType {
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(silence, "silence");
    }

    /** A type whose silence makes a check stale. */
    public CheckType(String wire, Kind kind) {
        this(wire, kind, Silence.STALE);
    }

    /** True when ingest-worker runs it on an interval (a probe or a pull); false when signals are pushed to it. */
    public boolean isProbe() {
        return kind != Kind.PUSH;
    }
}
