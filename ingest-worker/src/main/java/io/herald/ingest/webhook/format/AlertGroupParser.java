package io.herald.ingest.webhook.format;

import io.herald.model.CheckOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The Alertmanager webhook body, which Grafana's webhook contact point reuses: one observation per alert. */
final class AlertGroupParser {

    static final String DEFAULT_SUBJECT_LABEL = "herald_check";
    static final String FALLBACK_SUBJECT_LABEL = "alertname";
    // Alertmanager writes the zero Go time (year 0001) as endsAt while an alert fires.
    private static final Instant UNSET = Instant.parse("0002-01-01T00:00:00Z");

    private final String senderName;
    private final String subjectLabel;
    private final Clock clock;

    AlertGroupParser(String senderName, String subjectLabel, Clock clock) {
        this.senderName = Objects.requireNonNull(senderName);
        this.subjectLabel = subjectLabel == null || subjectLabel.isBlank() ? DEFAULT_SUBJECT_LABEL : subjectLabel.trim();
        this.clock = Objects.requireNonNull(clock);
    }

    List<Observation> parse(JsonField root) throws PayloadException {
        List<Observation> observations = new ArrayList<>();
        for (JsonField alert : root.get("alerts").array()) {
            observations.add(parseAlert(alert.object()));
        }
        return observations;
    }

    private Observation parseAlert(JsonField alert) throws PayloadException {
        String status = alert.get("status").oneOf("firing", "resolved");
        CheckOutcome outcome = status.equals("firing") ? CheckOutcome.DOWN : CheckOutcome.UP;
        JsonField labels = alert.get("labels").object();
        String subject = subject(labels);
        String fingerprint = alert.get("fingerprint").text();
        JsonField startsAtField = alert.get("startsAt");
        String startsAtText = startsAtField.text();
        Instant startsAt = startsAtField.instant();
        Instant observedAt = outcome == CheckOutcome.DOWN ? startsAt : resolvedAt(alert).orElseGet(clock::instant);

        String alertName = labels.get(FALLBACK_SUBJECT_LABEL).optionalText().orElse(subject);
        String dedupeKey = fingerprint + "|" + startsAtText + "|" + status;
        return new Observation(subject, outcome, detail(alert, alertName, status), dedupeKey, observedAt);
    }

    private String subject(JsonField labels) throws PayloadException {
        Optional<String> configured = labels.get(subjectLabel).optionalText();
        if (configured.isPresent()) {
            return configured.get();
        }
        Optional<String> alertName = labels.get(FALLBACK_SUBJECT_LABEL).optionalText();
        if (alertName.isPresent()) {
            return alertName.get();
        }
        String message = subjectLabel.equals(FALLBACK_SUBJECT_LABEL)
                ? labels.words() + " must contain the label '" + FALLBACK_SUBJECT_LABEL + "'"
                : labels.words() + " must contain the label '" + subjectLabel + "' or '" + FALLBACK_SUBJECT_LABEL + "'";
        throw labels.get(subjectLabel).invalid(message);
    }

    private static Optional<Instant> resolvedAt(JsonField alert) throws PayloadException {
        return alert.get("endsAt").optionalInstant().filter(endsAt -> endsAt.isAfter(UNSET));
    }

    private String detail(JsonField alert, String alertName, String status) throws PayloadException {
        JsonField annotations = alert.get("annotations");
        Optional<String> words = Optional.empty();
        String kind = "summary";
        if (annotations.present()) {
            annotations.object();
            words = annotations.get("summary").optionalFreeText();
            if (words.isEmpty()) {
                kind = "description";
                words = annotations.get("description").optionalFreeText();
            }
        }
        String base = senderName + ": " + alertName + " " + status;
        String finalKind = kind;
        return words.map(w -> base + " (" + finalKind + ": " + w + ")").orElse(base);
    }
}
