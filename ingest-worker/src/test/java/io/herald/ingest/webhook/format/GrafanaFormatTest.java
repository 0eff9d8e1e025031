package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.model.CheckOutcome;
import java.time.Instant;
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
}
