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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagerDutyFormatTest {

    private final PagerDutyFormat format = new PagerDutyFormat();

    @Test
    void shouldTurnATriggeredIncidentIntoADownObservationForItsService() throws PayloadException {
        assertThat(format.parse(Payloads.read("pagerduty", "firing"), Map.of("X-Webhook-Id", "3b9c0f6e-delivery")))
                .containsExactly(new Observation("Exchange Online", CheckOutcome.DOWN,
                        "PagerDuty: incident #4217 'ActiveSync answers 503' triggered", "3b9c0f6e-delivery",
                        Instant.parse("2025-03-04T08:17:02.338Z")));
    }

    @Test
    void shouldKeepAnAcknowledgedIncidentDown() throws PayloadException {
        assertThat(format.parse(Payloads.read("pagerduty", "acknowledged"), Map.of()))
                .extracting(Observation::outcome, Observation::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CheckOutcome.DOWN,
                        "PagerDuty: incident #4217 'ActiveSync answers 503' acknowledged"));
    }

    @Test
    void shouldTurnAResolvedIncidentUpAndFallBackToTheServiceId() throws PayloadException {
        assertThat(format.parse(Payloads.read("pagerduty", "resolved"), Map.of())).containsExactly(
                new Observation("PSVC123", CheckOutcome.UP, "PagerDuty: incident #4217 'ActiveSync answers 503' resolved",
                        "01DEN3C4E7ZK8Q9QW3V6H0T2RA", Instant.parse("2025-03-04T08:55:12.900Z")));
    }

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {"X-Webhook-Id", "x-webhook-id", "X-WEBHOOK-ID"})
    void shouldDeduplicateOnTheDeliveryHeaderWhateverItsCase(String header) throws PayloadException {
        assertThat(format.parse(Payloads.read("pagerduty", "firing"), Map.of(header, "d-42")))
                .extracting(Observation::dedupeKey).containsExactly("d-42");
    }

    @Test
    void shouldDeduplicateOnTheEventIdWithoutTheHeader() throws PayloadException {
        assertThat(format.parse(Payloads.read("pagerduty", "firing"), Map.of("Content-Type", "application/json")))
                .extracting(Observation::dedupeKey).containsExactly("01DEN3BLCUDGYQGBRUN9DXXK9T");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"annotated", "test-send"})
    void shouldIgnoreEventsThatDoNotChangeAnIncidentsState(String payload) throws PayloadException {
        assertThat(format.parse(Payloads.read("pagerduty", payload), Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "incident.triggered,       DOWN",
            "incident.acknowledged,    DOWN",
            "incident.unacknowledged,  DOWN",
            "incident.reopened,        DOWN",
            "incident.resolved,        UP",
            "incident.escalated,       ''",
            "incident.priority_updated, ''",
            "incident.reassigned,      ''",
            "service.updated,          ''",
            "pagey.ping,               ''"})
    void shouldMapEachEventType(String eventType, String outcome) throws PayloadException {
        byte[] body = Payloads.edit("pagerduty", "firing",
                root -> Payloads.at(root, "/event").put("event_type", eventType));

        List<Observation> observations = format.parse(body, Map.of());

        if (outcome.isEmpty()) {
            assertThat(observations).isEmpty();
        } else {
            assertThat(observations).extracting(Observation::outcome).containsExactly(CheckOutcome.valueOf(outcome));
        }
    }

    @Test
    void shouldNameTheServiceWhenTheIncidentHasNone() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("pagerduty", "malformed"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/event/data/service");
        assertThat(error.getMessage()).isEqualTo("event.data.service is required");
    }

    @Test
    void shouldNameTheEventTypeWhenItIsMissing() {
        byte[] body = Payloads.edit("pagerduty", "firing", root -> Payloads.at(root, "/event").remove("event_type"));

        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.field()).isEqualTo("/event/event_type");
        assertThat(error.getMessage()).isEqualTo("event.event_type is required");
    }

    @Test
    void shouldNameTheServiceIdWhenTheServiceHasNeitherNameNorId() {
        byte[] body = Payloads.edit("pagerduty", "resolved",
                root -> Payloads.at(root, "/event/data/service").remove("id"));

        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.field()).isEqualTo("/event/data/service/id");
        assertThat(error.getMessage()).isEqualTo("event.data.service.id is required");
    }

    @Test
    void shouldAcceptASignatureMadeWithAnyConfiguredSecret() {
        byte[] body = Payloads.read("pagerduty", "firing");
        String text = new String(body, StandardCharsets.UTF_8);
        WebhookAuth auth = format.signature(SourceSettings.of("pagerduty"), List.of("old-secret", "new-secret"))
                .orElseThrow();

        assertThat(auth.verify(body, Map.of("X-PagerDuty-Signature", "v1=" + Payloads.hmacHex("new-secret", text))))
                .isEqualTo(AuthResult.success());
        assertThat(auth.verify(body, Map.of("X-PagerDuty-Signature", "v1=" + Payloads.hmacHex("guess", text))).ok())
                .isFalse();
        assertThat(format.subjectIsCheckId()).isFalse();
    }
}
