package io.herald.ingest.webhook.format;

import io.herald.model.CheckOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing a sender says about one monitored subject.
 *
 * @param subject    the sender's name for what it monitors; mapped later onto a Herald check
 * @param outcome    up, degraded or down
 * @param detail     a sentence a person understands, naming the sender
 * @param dedupeKey  the key the sender's retries repeat; null only when the sender gives none (generic without "id")
 * @param observedAt when the sender saw it, not when Herald received it
 * @param latencyMs  the latency the sender measured, in whole milliseconds, or null
 */
public record Observation(String subject, CheckOutcome outcome, String detail, String dedupeKey, Instant observedAt,
        Long latencyMs) {

    /** An observation without a measured latency (most senders report states, not timings). */
    public Observation(String subject, CheckOutcome outcome, String detail, String dedupeKey, Instant observedAt) {
        this(subject, outcome, detail, dedupeKey, observedAt, null);
    }

    public Observation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(observedAt, "observedAt");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }
}
