package io.herald.ingest.webhook.format;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grafana alerting's webhook contact point: the Alertmanager body plus {@code state}, {@code title} and
 * {@code message}; each alert's own {@code status} (firing/resolved) decides the outcome, since the group's
 * {@code state} is "alerting" while any one alert fires. Subject and dedupe key as for {@link AlertmanagerFormat}.
 */
public final class GrafanaFormat implements SenderFormat {

    private final AlertGroupParser parser;

    public GrafanaFormat() {
        this(AlertGroupParser.DEFAULT_SUBJECT_LABEL, Clock.systemUTC());
    }

    /** @param subjectLabel the alert label naming the Herald check; blank means "herald_check" */
    public GrafanaFormat(String subjectLabel, Clock clock) {
        this.parser = new AlertGroupParser("Grafana", subjectLabel, clock);
    }

    @Override
    public String name() {
        return "grafana";
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        JsonField root = JsonField.parseObject(body);
        if (isTestNotification(root)) {
            return List.of();
        }
        return parser.parse(root);
    }

    // "Test" on a contact point sends one made-up alert, TestAlert on instance Grafana; it says nothing about a check.
    private static boolean isTestNotification(JsonField root) throws PayloadException {
        JsonField alerts = root.get("alerts");
        if (!alerts.present() || alerts.array().size() != 1) {
            return false;
        }
        JsonField labels = alerts.at(0).get("labels");
        if (!labels.present()) {
            return false;
        }
        labels.object();
        return labels.get("alertname").optionalText().equals(Optional.of("TestAlert"))
                && labels.get("instance").optionalText().equals(Optional.of("Grafana"));
    }
}
