package io.herald.api.subscriber;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing subscribers may hear about. componentIds scopes it (empty: it concerns the whole page); payload is sent
 * as the webhook body's {@code data}; dedupeKey makes recording idempotent (the same key is recorded once).
 */
public record NotificationEvent(
        NotificationType type,
        Instant occurredAt,
        List<String> componentIds,
        Map<String, Object> payload,
        String dedupeKey) {

    public NotificationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        componentIds = componentIds == null ? List.of() : List.copyOf(componentIds);
        payload = payload == null ? Map.of() : payload;
    }
}
