package io.herald.ingest.webhook.format;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.webhook.auth.GrafanaHmac;
import io.herald.ingest.webhook.auth.WebhookAuth;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grafana alerting's webhook contact point: the Alertmanager body plus {@code state}, {@code title} and
 * {@code message}; each alert's own {@code status} (firing/resolved) decides the outcome, since the group's
 * {@code state} is "alerting" while any one alert fires. Subject and dedupe key as for {@link AlertmanagerFormat}.
 */
@Singleton
public final class GrafanaFormat implements SenderFormat {

    private final AlertGroupParser parser;
    private final Clock clock;

    public GrafanaFormat() {
        this(AlertGroupParser.DEFAULT_SUBJECT_LABEL, Clock.systemUTC());
    }

    /** @param subjectLabel the alert label naming the Herald check; blank means "herald_check" */
    public GrafanaFormat(String subjectLabel, Clock clock) {
        this.parser = new AlertGroupParser("Grafana", subjectLabel, clock);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "grafana";
    }

    /** The label naming the subject is the source's {@code subject-label}. */
    @Override
    public SenderFormat forSource(IngestConfig.Source settings) {
        return new GrafanaFormat(settings.subjectLabel().orElse(""), clock);
    }

    /** The contact point's HMAC, in {@code signature-header}, over {@code <timestamp-header>:body} when that is set. */
    @Override
    public Optional<WebhookAuth> signature(IngestConfig.Source settings, List<String> secrets) {
        return Optional.of(new GrafanaHmac(secrets.get(0),
                settings.signatureHeader().orElse(GrafanaHmac.DEFAULT_SIGNATURE_HEADER), settings.timestampHeader(),
                settings.tolerance(), clock));
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
