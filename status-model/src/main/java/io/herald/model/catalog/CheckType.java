package io.herald.model.catalog;

import java.util.Arrays;
import java.util.Optional;

/** How a check learns its outcome: an active probe run by ingest-worker, or signals pushed by a monitor. */
public enum CheckType {
    HTTP("http", true),
    WEBHOOK("webhook", false);

    private final String wire;
    private final boolean probe;

    CheckType(String wire, boolean probe) {
        this.wire = wire;
        this.probe = probe;
    }

    public String wire() {
        return wire;
    }

    /** True when ingest-worker runs it on an interval; false when signals are pushed to it. */
    public boolean isProbe() {
        return probe;
    }

    public static Optional<CheckType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equalsIgnoreCase(wire)).findFirst();
    }
}
