package io.herald.api.subscriber;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One attempt of a delivery, as the admin API shows it. outcome is the delivery's state after it: pending (retried at
 * next_attempt_at), delivered, failed (given up or refused) or dropped (410).
 */
public record DeliveryAttemptEntry(
        @JsonProperty("attempt") int attempt,
        @JsonProperty("at") String at,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("status_code") Integer statusCode,
        @JsonProperty("error") String error,
        @JsonProperty("next_attempt_at") String nextAttemptAt) {
}
