package io.herald.ingest.webhook.format;

import io.herald.model.CheckOutcome;
import java.time.Instant;
import java.util.Optional;

/** Herald's own body {"check","status","detail","id","latency_ms","observed_at"}, shared by generic and signed JSON. */
final class CheckReportParser {
    /** A day: no probe waits longer for an answer, and a longer "latency" is a unit mistake (micros, nanos). */
    static final double MAX_LATENCY_MS = 86_400_000;

    private CheckReportParser() {
    }

    /** @param detail the sender's own words, if it gave some */
    record Report(String check, CheckOutcome outcome, Optional<String> detail, Optional<String> id, Optional<Instant> observedAt,
            Long latencyMs) {
    }

    /** The sender's words if it gave some, else "<sender>: <check> <status>". */
    static String detail(Report report, String sender) {
        return report.detail().orElse(sender + ": " + report.check() + " " + report.outcome().wire());
    }

    static Report parse(JsonField root) throws PayloadException {
        String check = root.get("check").text();
        String status = root.get("status").oneOf("up", "degraded", "down");
        CheckOutcome outcome = CheckOutcome.fromWire(status);
        Optional<String> detail = root.get("detail").optionalFreeText();
        Optional<String> id = root.get("id").optionalText();
        Optional<Double> latency = root.get("latency_ms").optionalMeasure(MAX_LATENCY_MS);
        Optional<Instant> observedAt = root.get("observed_at").optionalInstant();

        // The sender's detail is already meant for people; the latency travels in the signal, not the words.
        return new Report(check, outcome, detail, id, observedAt, latency.map(Math::round).orElse(null));
    }
}
