package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.ingest.support.SourceSettings;
import io.herald.model.CheckOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UptimeKumaFormatTest {

    private final UptimeKumaFormat format = new UptimeKumaFormat();

    @Test
    void shouldTurnADownHeartbeatIntoADownObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("uptime-kuma", "firing"), Map.of())).containsExactly(
                new Observation("IMAP mail.example.org", CheckOutcome.DOWN,
                        "Uptime Kuma: IMAP mail.example.org down (connect ECONNREFUSED 10.20.0.12:993)",
                        "14|2025-03-04 08:15:30.512|0", Instant.parse("2025-03-04T08:15:30.512Z")));
    }

    @Test
    void shouldTurnAnUpHeartbeatIntoAnUpObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("uptime-kuma", "resolved"), Map.of())).containsExactly(
                new Observation("IMAP mail.example.org", CheckOutcome.UP, "Uptime Kuma: IMAP mail.example.org up (23 ms)",
                        "14|2025-03-04 08:21:30.044|1", Instant.parse("2025-03-04T08:21:30.044Z")));
    }

    @Test
    void shouldTurnAPendingHeartbeatIntoADegradedObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("uptime-kuma", "pending"), Map.of())).containsExactly(
                new Observation("Autodiscover", CheckOutcome.DEGRADED,
                        "Uptime Kuma: Autodiscover pending (timeout of 48000ms exceeded)",
                        "21|2025-03-04 08:15:00.000|2", Instant.parse("2025-03-04T08:15:00Z")));
    }

    @Test
    void shouldIgnoreMaintenance() throws PayloadException {
        assertThat(format.parse(Payloads.read("uptime-kuma", "maintenance"), Map.of())).isEmpty();
    }

    @Test
    void shouldAcceptATestSendWithoutObservations() throws PayloadException {
        assertThat(format.parse(Payloads.read("uptime-kuma", "test-send"), Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @CsvSource({"0, DOWN", "1, UP", "2, DEGRADED", "3, ''"})
    void shouldMapEveryHeartbeatStatus(int status, String outcome) throws PayloadException {
        byte[] body = Payloads.edit("uptime-kuma", "firing",
                root -> Payloads.at(root, "/heartbeat").put("status", status));

        List<Observation> observations = format.parse(body, Map.of());

        if (outcome.isEmpty()) {
            assertThat(observations).isEmpty();
        } else {
            assertThat(observations).extracting(Observation::outcome).containsExactly(CheckOutcome.valueOf(outcome));
        }
    }

    @Test
    void shouldNameTheStatusWhenItIsUnknown() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("uptime-kuma", "malformed"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/heartbeat/status");
        assertThat(error.getMessage())
                .isEqualTo("heartbeat.status must be 0 (down), 1 (up), 2 (pending) or 3 (maintenance), got 7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/monitor         | monitor   |                | monitor is required",
            "/heartbeat       | heartbeat |                | heartbeat is required",
            "/monitor/name    | monitor   | name           | monitor.name is required",
            "/heartbeat/time  | heartbeat | time           | heartbeat.time is required",
            "/heartbeat/monitorID | heartbeat | monitorID  | heartbeat.monitorID is required"})
    void shouldNameAMissingField(String pointer, String parent, String child, String message) {
        byte[] body = Payloads.edit("uptime-kuma", "firing", root -> {
            if (child == null) {
                root.putNull(parent);
            } else {
                Payloads.at(root, "/" + parent).remove(child);
            }
        });

        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo(pointer);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @Test
    void shouldNotSignItsDeliveries() {
        assertThat(format.signature(SourceSettings.of("uptime-kuma"), List.of("s3cret"))).isEmpty();
        assertThat(format.subjectIsCheckId()).isFalse();
    }
}
