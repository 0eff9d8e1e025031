package io.herald.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * A component's status in Statuspage's vocabulary, ordered from best to worst by {@link #severity()}.
 * Under maintenance sits between operational and degraded: it is planned, so it outranks "all fine"
 * but never hides a real failure.
 */
public enum ComponentStatus {
    OPERATIONAL("operational", 0, "Operational"),
    UNDER_MAINTENANCE("under_maintenance", 1, "Under maintenance"),
    DEGRADED_PERFORMANCE("degraded_performance", 2, "Degraded performance"),
    PARTIAL_OUTAGE("partial_outage", 3, "Partial outage"),
    MAJOR_OUTAGE("major_outage", 4, "Major outage");

    private final String wire;
    private final int severity;
    private final String words;

    ComponentStatus(String wire, int severity, String words) {
        this.wire = wire;
        this.severity = severity;
        this.words = words;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public int severity() {
        return severity;
    }

    /** The status in words a person reads, for example "Partial outage". */
    public String words() {
        return words;
    }

    public boolean isOutage() {
        return this == PARTIAL_OUTAGE || this == MAJOR_OUTAGE;
    }

    public ComponentStatus worse(ComponentStatus other) {
        return other != null && other.severity > severity ? other : this;
    }

    public static ComponentStatus worst(Collection<ComponentStatus> statuses) {
        return statuses.stream().reduce(OPERATIONAL, ComponentStatus::worse);
    }

    public static Optional<ComponentStatus> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.wire.equalsIgnoreCase(wire.trim())).findFirst();
    }

    @JsonCreator
    public static ComponentStatus fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException(
                "unknown component status '" + wire + "' (expected one of operational, under_maintenance, "
                        + "degraded_performance, partial_outage, major_outage)"));
    }
}
