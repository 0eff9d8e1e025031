package io.herald.api.subscriber;

import java.time.Instant;

/** A claimed delivery with what sending it needs. unsubscribeToken is set for mails (each carries its own). */
record DeliveryJob(
        String id,
        long subscriberId,
        String receiver,
        int attempts,
        Instant createdAt,
        String type,
        Instant occurredAt,
        String payloadJson,
        SubscriberKind kind,
        String target,
        String secret,
        String unsubscribeToken) {

    DeliveryJob withUnsubscribeToken(String token) {
        return new DeliveryJob(id, subscriberId, receiver, attempts, createdAt, type, occurredAt, payloadJson, kind,
                target, secret, token);
    }
}
