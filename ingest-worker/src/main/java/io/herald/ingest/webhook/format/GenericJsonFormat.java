package io.herald.ingest.webhook.format;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.webhook.auth.StandardWebhooksSignature;
import io.herald.ingest.webhook.auth.WebhookAuth;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Herald's own JSON for senders with a template: {"check", "status": up|degraded|down, "detail", "id",
 * "latency_ms", "observed_at"}. Only check and status are required; without observed_at the time of receipt is
 * used, and without id there is no dedupe key.
 */
@Singleton
public final class GenericJsonFormat implements SenderFormat {

    private final Clock clock;

    public GenericJsonFormat() {
        this(Clock.systemUTC());
    }

    public GenericJsonFormat(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String name() {
        return "generic";
    }

    /** Signed deliveries of Herald's own JSON follow Standard Webhooks. */
    @Override
    public Optional<WebhookAuth> signature(IngestConfig.Source settings, List<String> secrets) {
        return Optional.of(new StandardWebhooksSignature(secrets, settings.tolerance(), clock));
    }

    @Override
    public boolean subjectIsCheckId() {
        return true;
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        CheckReportParser.Report report = CheckReportParser.parse(JsonField.parseObject(body));
        return List.of(new Observation(report.check(), report.outcome(), CheckReportParser.detail(report, "Webhook"),
                report.id().orElse(null), report.observedAt().orElseGet(clock::instant), report.latencyMs()));
    }
}
