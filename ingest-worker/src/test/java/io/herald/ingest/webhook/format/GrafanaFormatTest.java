package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.ingest.support.SourceSettings;
import io.herald.ingest.webhook.auth.AuthResult;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.model.CheckOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrafanaFormatTest {

    private final GrafanaFormat format = new GrafanaFormat("herald_check", Payloads.CLOCK);

    @Test
    void shouldTurnAFiringAlertIntoADownObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("grafana", "firing"), Map.of())).containsExactly(
                new Observation("exchange-owa", CheckOutcome.DOWN,
                        "Grafana: OWA health page failing firing (summary: /owa/healthcheck.htm answers 503)",
                        "a8d3f4c2b1e09d77|2025-03-04T09:00:10+01:00|firing",
                        Instant.parse("2025-03-04T08:00:10Z")));
    }

    @Test
    void shouldTurnAResolvedAlertIntoAnUpObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("grafana", "resolved"), Map.of())).containsExactly(
                new Observation("exchange-owa", CheckOutcome.UP,
                        "Grafana: OWA health page failing resolved (summary: /owa/healthcheck.htm answers 503)",
                        "a8d3f4c2b1e09d77|2025-03-04T09:00:10+01:00|resolved",
                        Instant.parse("2025-03-04T08:20:10Z")));
    }

    @Test
    void shouldIgnoreTheContactPointTestNotification() throws PayloadException {
        assertThat(format.parse(Payloads.read("grafana", "test-send"), Map.of())).isEmpty();
    }

    @Test
    void shouldTakeAnotherLabelAsSubjectWhenConfigured() throws PayloadException {
        assertThat(new GrafanaFormat("site", Payloads.CLOCK).parse(Payloads.read("grafana", "firing"), Map.of()))
                .extracting(Observation::subject).containsExactly("dc1");
    }

    @Test
    void shouldNameTheLabelsWhenNeitherTheSubjectLabelNorAlertnameIsThere() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("grafana", "malformed"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/alerts/0/labels/herald_check");
        assertThat(error.getMessage())
                .isEqualTo("alerts[0].labels must contain the label 'herald_check' or 'alertname'");
    }

    @Test
    void shouldTakeTheSourcesSubjectLabel() throws PayloadException {
        SenderFormat configured = format.forSource(SourceSettings.of("grafana").withSubjectLabel("site"));
        assertThat(configured.parse(Payloads.read("grafana", "firing"), Map.of()))
                .isEqualTo(new GrafanaFormat("site", Payloads.CLOCK).parse(Payloads.read("grafana", "firing"), Map.of()));
    }

    @Test
    void shouldCheckTheContactPointsSignatureInTheSourcesHeaders() {
        byte[] body = Payloads.read("grafana", "firing");
        String text = new String(body, StandardCharsets.UTF_8);
        WebhookAuth bodyOnly = format.signature(SourceSettings.of("grafana"), List.of("s3cret")).orElseThrow();
        assertThat(bodyOnly.verify(body, Map.of("X-Grafana-Alerting-Signature", Payloads.hmacHex("s3cret", text))))
                .isEqualTo(AuthResult.success());
        assertThat(bodyOnly.verify(body, Map.of("X-Grafana-Alerting-Signature", Payloads.hmacHex("guess", text))).ok())
                .isFalse();

        WebhookAuth timed = format.signature(SourceSettings.of("grafana").withHeaders("X-Signature", "X-Timestamp"),
                List.of("s3cret")).orElseThrow();
        String now = Long.toString(Payloads.NOW.getEpochSecond());
        assertThat(timed.verify(body, Map.of("X-Signature", Payloads.hmacHex("s3cret", now + ":" + text),
                "X-Timestamp", now))).isEqualTo(AuthResult.success());
        assertThat(format.subjectIsCheckId()).isFalse();
    }
}
