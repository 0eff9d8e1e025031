package io.herald.api.subscriber;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One delivery in a subscriber's log, as the admin API shows it, with every attempt it took. */
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
        @JsonProperty("delivered_at") String deliveredAt,
        // "attempts" already counts them (kept for existing clients); the list of each attempt is attempt_log
        @JsonProperty("attempt_log") List<DeliveryAttemptEntry> attemptLog) {

    DeliveryLogEntry withAttemptLog(List<DeliveryAttemptEntry> log) {
        return new DeliveryLogEntry(id, eventId, type, state, attempts, lastStatusCode, lastError, createdAt,
                lastAttemptAt, nextAttemptAt, deliveredAt, log);
    }
}
