package io.herald.ingest.webhook.format;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager {@code webhook_config}. The subject is the value of a configurable alert label
 * (default "herald_check"), falling back to "alertname"; each alert de-duplicates on fingerprint|startsAt|status
 * because HA pairs send the same notification on purpose.
 */
public final class AlertmanagerFormat implements SenderFormat {

    private final AlertGroupParser parser;

    public AlertmanagerFormat() {
        this(AlertGroupParser.DEFAULT_SUBJECT_LABEL, Clock.systemUTC());
    }

    /** @param subjectLabel the alert label naming the Herald check; blank means "herald_check" */
    public AlertmanagerFormat(String subjectLabel, Clock clock) {
        this.parser = new AlertGroupParser("Alertmanager", subjectLabel, clock);
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        return parser.parse(JsonField.parseObject(body));
    }
}
