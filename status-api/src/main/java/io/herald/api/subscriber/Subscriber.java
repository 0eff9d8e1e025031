package io.herald.api.subscriber;

import java.time.Instant;
import java.util.List;

/** A subscriber as stored (without its secrets and token hashes). */
public record Subscriber(
        long id,
        SubscriberKind kind,
        String target,
        boolean wholePage,
        List<String> componentIds,
        boolean componentChanges,
        boolean confirmed,
        Instant createdAt,
        String createdBy,
        Instant unsubscribedAt,
        String unsubscribeReason) {
}
