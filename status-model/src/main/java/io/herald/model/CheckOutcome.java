package io.herald.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What one observation of a check said: it worked, it worked slowly, or it failed. */
public enum CheckOutcome {
    UP("up"),
    DEGRADED("degraded"),
    DOWN("down");

    private final String wire;

    CheckOutcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<CheckOutcome> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(o -> o.wire.equalsIgnoreCase(wire.trim())).findFirst();
    }

    @JsonCreator
    public static CheckOutcome fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException(
                "unknown outcome '" + wire + "' (expected up, degraded or down)"));
    }
}
