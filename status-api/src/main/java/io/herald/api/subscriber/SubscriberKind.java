package io.herald.api.subscriber;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum SubscriberKind {
    WEBHOOK, EMAIL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SubscriberKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire().equals(wire)).findFirst();
    }
}
