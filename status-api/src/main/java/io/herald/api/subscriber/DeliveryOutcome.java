package io.herald.api.subscriber;

import java.time.Instant;

/**
 * What one attempt came to. state is the delivery's new state: delivered, pending (retry at nextAttempt), failed
 * (given up) or dropped (the receiver answered 410: its subscriber is unsubscribed).
 */
record DeliveryOutcome(String state, Integer statusCode, String error, Instant nextAttempt) {

    static DeliveryOutcome delivered(Integer statusCode) {
        return new DeliveryOutcome("delivered", statusCode, null, null);
    }
}
