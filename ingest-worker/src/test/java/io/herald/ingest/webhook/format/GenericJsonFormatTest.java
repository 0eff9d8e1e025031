package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.ingest.support.SourceSettings;
import io.herald.ingest.webhook.auth.AuthResult;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.model.CheckOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenericJsonFormatTest {

    private final GenericJsonFormat format = new GenericJsonFormat(Payloads.CLOCK);

    @Test
    void shouldReadAFullReport() throws PayloadException {
        assertThat(format.parse(Payloads.read("generic", "firing"), Map.of())).containsExactly(
                new Observation("exchange-smtp", CheckOutcome.DOWN,
                        "EHLO answered 421 4.3.2 Service not available",
                        "probe-7781-20250304T081530Z", Instant.parse("2025-03-04T08:15:30Z"), 812L));
    }

    @Test
    void shouldReadAnUpReportWithAnOffsetTime() throws PayloadException {
        assertThat(format.parse(Payloads.read("generic", "resolved"), Map.of())).containsExactly(
                new Observation("exchange-smtp", CheckOutcome.UP, "Webhook: exchange-smtp up",
                        "probe-7790-20250304T082430Z", Instant.parse("2025-03-04T08:24:30.250Z")));
    }

    @Test
    void shouldUseTheTimeOfReceiptAndNoKeyWhenTheyAreLeftOut() throws PayloadException {
        assertThat(format.parse(Payloads.read("generic", "degraded"), Map.of())).containsExactly(
                new Observation("exchange-owa", CheckOutcome.DEGRADED, "Webhook: exchange-owa degraded", null,
                        Payloads.NOW, 4200L));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"up, UP", "UP, UP", "degraded, DEGRADED", "down, DOWN", "Down, DOWN"})
    void shouldMapStatusIgnoringCase(String status, CheckOutcome outcome) throws PayloadException {
        byte[] body = ("{\"check\":\"c\",\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(format.parse(body, Map.of())).extracting(Observation::outcome).containsExactly(outcome);
    }

    @Test
    void shouldNameTheStatusWhenItIsNotAnOutcome() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("generic", "malformed"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/status");
        assertThat(error.getMessage()).isEqualTo("status must be 'up', 'degraded' or 'down', got 'on fire'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"status\":\"up\"}                                   | /check       | check is required",
            "{\"check\":\"  \",\"status\":\"up\"}                  | /check       | check must not be blank",
            "{\"check\":5,\"status\":\"up\"}                       | /check       | check must be a string, got 5",
            "{\"check\":\"c\"}                                     | /status      | status is required",
            "{\"check\":\"c\",\"status\":null}                     | /status      | status is required",
            "{\"check\":\"c\",\"status\":\"up\",\"latency_ms\":-1} | /latency_ms  | latency_ms must be a number from 0 to 86400000, got -1",
            "{\"check\":\"c\",\"status\":\"up\",\"latency_ms\":1e999} | /latency_ms | latency_ms must be a number from 0 to 86400000, got Infinity",
            "{\"check\":\"c\",\"status\":\"up\",\"latency_ms\":-1e999} | /latency_ms | latency_ms must be a number from 0 to 86400000, got -Infinity",
            "{\"check\":\"c\",\"status\":\"up\",\"latency_ms\":9e18} | /latency_ms | latency_ms must be a number from 0 to 86400000, got 9.0E18",
            "{\"check\":\"c\",\"status\":\"up\",\"latency_ms\":\"fast\"} | /latency_ms | latency_ms must be a number, got the string 'fast'",
            "{\"check\":\"c\",\"status\":\"up\",\"observed_at\":\"now\"} | /observed_at | observed_at must be an ISO-8601 date-time such as 2025-03-01T08:15:00Z, got 'now'",
            "{\"check\":\"c\",\"status\":\"up\",\"id\":{\"a\":1}}  | /id          | id must be a string, got an object"})
    void shouldAnswer422NamingTheField(String body, String pointer, String message) {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(body.getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo(pointer);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    @Test
    void shouldSignAsStandardWebhooksAndTakeCheckIdsAsSubjects() {
        byte[] body = "{\"check\":\"imap\",\"status\":\"down\"}".getBytes(StandardCharsets.UTF_8);
        String secret = "whsec_" + Base64.getEncoder().encodeToString("a key of sixteen+".getBytes(StandardCharsets.UTF_8));
        WebhookAuth auth = format.signature(SourceSettings.of("generic"), List.of(secret)).orElseThrow();
        String timestamp = Long.toString(Payloads.NOW.getEpochSecond());

        assertThat(auth.verify(body, Payloads.standardWebhooks(secret, "msg_1", timestamp, body)))
                .isEqualTo(AuthResult.success());
        assertThat(auth.verify(body, Payloads.standardWebhooks("whsec_Z3Vlc3M=", "msg_1", timestamp, body)).ok())
                .isFalse();
        assertThat(format.subjectIsCheckId()).isTrue();
    }
}
