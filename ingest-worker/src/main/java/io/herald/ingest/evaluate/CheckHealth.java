package io.herald.ingest.evaluate;

/** A check's state after thresholds; UNKNOWN until a probe's first result. */
public enum CheckHealth {
    UNKNOWN, UP, DEGRADED, DOWN
}
