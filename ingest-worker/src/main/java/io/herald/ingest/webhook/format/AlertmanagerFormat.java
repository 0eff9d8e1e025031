package io.herald.ingest.webhook.format;

import io.herald.ingest.IngestConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager {@code webhook_config}. The subject is the value of a configurable alert label
 * (default "herald_check"), falling back to "alertname"; each alert de-duplicates on fingerprint|startsAt|status
 * because HA pairs send the same notification on purpose. It does not sign its deliveries (bearer or basic, from
 * its {@code http_config}).
 */
@Singleton
public final class AlertmanagerFormat implements SenderFormat {

    private final AlertGroupParser parser;
    private final Clock clock;

    public AlertmanagerFormat() {
        this(AlertGroupParser.DEFAULT_SUBJECT_LABEL, Clock.systemUTC());
    }

    /** @param subjectLabel the alert label naming the Herald check; blank means "herald_check" */
    public AlertmanagerFormat(String subjectLabel, Clock clock) {
        this.parser = new AlertGroupParser("Alertmanager", subjectLabel, clock);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    /** The label naming the subject is the source's {@code subject-label}. */
    @Override
    public SenderFormat forSource(IngestConfig.Source settings) {
        return new AlertmanagerFormat(settings.subjectLabel().orElse(""), clock);
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        return parser.parse(JsonField.parseObject(body));
    }
}
