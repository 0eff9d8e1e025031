package io.herald.api.subscriber;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One delivery in a subscriber's log, as the admin API shows it. */
public record DeliveryLogEntry(
        @JsonProperty("id") String id,
        @JsonProperty("event_id") long eventId,
        @JsonProperty("type") String type,
        @JsonProperty("state") String state,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("last_status_code") Integer lastStatusCode,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("last_attempt_at") String lastAttemptAt,
        @JsonProperty("next_attempt_at") String nextAttemptAt,
        @JsonProperty("delivered_at") String deliveredAt) {
}
