package io.herald.ingest.webhook.format;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.webhook.WebhookHeaders;
import io.herald.ingest.webhook.auth.PagerDutySignature;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.model.CheckOutcome;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PagerDuty v3 webhooks, one event per delivery. Only events that change an incident's state say anything about
 * up or down: triggered, acknowledged (still broken), unacknowledged and reopened are down, resolved is up. Other
 * events (notes, escalations, priority, the "pagey.ping" test, service changes) yield no observation. The subject
 * is the incident's service summary (its name), else the service id.
 */
@Singleton
public final class PagerDutyFormat implements SenderFormat {

    private static final Map<String, CheckOutcome> STATE_CHANGES = Map.of(
            "incident.triggered", CheckOutcome.DOWN,
            "incident.acknowledged", CheckOutcome.DOWN,
            "incident.unacknowledged", CheckOutcome.DOWN,
            "incident.reopened", CheckOutcome.DOWN,
            "incident.resolved", CheckOutcome.UP);

    @Override
    public String name() {
        return "pagerduty";
    }

    /** {@code X-PagerDuty-Signature}; every configured secret is tried, for rotation. */
    @Override
    public Optional<WebhookAuth> signature(IngestConfig.Source settings, List<String> secrets) {
        return Optional.of(new PagerDutySignature(secrets));
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        JsonField root = JsonField.parseObject(body);
        JsonField event = root.get("event").object();
        String eventType = event.get("event_type").text();
        CheckOutcome outcome = STATE_CHANGES.get(eventType);
        if (outcome == null) {
            return List.of();
        }
        String eventId = event.get("id").text();
        JsonField data = event.get("data").object();
        JsonField service = data.get("service").object();
        Optional<String> serviceName = service.get("summary").optionalText();
        String subject = serviceName.isPresent() ? serviceName.get() : service.get("id").scalar();

        Optional<String> webhookId = WebhookHeaders.get(headers, "X-Webhook-Id");
        String dedupeKey = webhookId.isPresent() ? FieldText.headerId("X-Webhook-Id", webhookId.get()) : eventId;
        return List.of(new Observation(subject, outcome, detail(data, eventType), dedupeKey,
                event.get("occurred_at").instant()));
    }

    private static String detail(JsonField data, String eventType) throws PayloadException {
        String action = eventType.substring("incident.".length());
        StringBuilder out = new StringBuilder("PagerDuty: incident");
        Optional<String> number = data.get("number").optionalText();
        number.ifPresent(n -> out.append(" #").append(n));
        data.get("title").optionalFreeText().ifPresent(t -> out.append(" '").append(t).append('\''));
        if (number.isEmpty()) {
            data.get("id").optionalText().ifPresent(id -> out.append(" ").append(id));
        }
        return out.append(' ').append(action).toString();
    }
}
