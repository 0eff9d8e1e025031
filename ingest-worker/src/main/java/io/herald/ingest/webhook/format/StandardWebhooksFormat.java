package io.herald.ingest.webhook.format;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.webhook.WebhookHeaders;
import io.herald.ingest.webhook.auth.StandardWebhooksSignature;
import io.herald.ingest.webhook.auth.WebhookAuth;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Standard Webhooks delivery (signature checked beforehand by StandardWebhooksSignature) whose JSON carries
 * Herald's "check" and "status" fields like {@link GenericJsonFormat}. It de-duplicates on the webhook-id header,
 * which the standard keeps the same across retries; without observed_at the signed webhook-timestamp is used.
 */
@Singleton
public final class StandardWebhooksFormat implements SenderFormat {

    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";

    @Override
    public String name() {
        return "standard-webhooks";
    }

    @Override
    public Optional<WebhookAuth> signature(IngestConfig.Source settings, List<String> secrets) {
        return Optional.of(new StandardWebhooksSignature(secrets, settings.tolerance(), Clock.systemUTC()));
    }

    @Override
    public boolean subjectIsCheckId() {
        return true;
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        CheckReportParser.Report report = CheckReportParser.parse(JsonField.parseObject(body));
        String webhookId = FieldText.headerId(ID_HEADER, WebhookHeaders.get(headers, ID_HEADER).orElseThrow(() ->
                PayloadException.invalid("header:" + ID_HEADER, "the " + ID_HEADER + " header is required")));
        Instant observedAt = report.observedAt().isPresent() ? report.observedAt().get() : timestamp(headers);
        return List.of(new Observation(report.check(), report.outcome(), CheckReportParser.detail(report, "Signed webhook"),
                webhookId, observedAt, report.latencyMs()));
    }

    private static Instant timestamp(Map<String, String> headers) throws PayloadException {
        Optional<String> value = WebhookHeaders.get(headers, TIMESTAMP_HEADER);
        if (value.isEmpty()) {
            throw PayloadException.invalid("header:" + TIMESTAMP_HEADER,
                    "the " + TIMESTAMP_HEADER + " header is required when the body has no observed_at");
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(value.get()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw PayloadException.invalid("header:" + TIMESTAMP_HEADER,
                    "the " + TIMESTAMP_HEADER + " header must be unix seconds");
        }
    }
}
