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

class PingdomFormatTest {

    private final PingdomFormat format = new PingdomFormat();

    @Test
    void shouldTurnADownStateChangeIntoADownObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("pingdom", "firing"), Map.of())).containsExactly(
                new Observation("Exchange OWA healthcheck", CheckOutcome.DOWN,
                        "Pingdom: Exchange OWA healthcheck DOWN (was UP: HTTP Error 503)", "8832011|1741076130|DOWN",
                        Instant.parse("2025-03-04T08:15:30Z")));
    }

    @Test
    void shouldTurnAnUpStateChangeIntoAnUpObservation() throws PayloadException {
        assertThat(format.parse(Payloads.read("pingdom", "resolved"), Map.of())).containsExactly(
                new Observation("Exchange OWA healthcheck", CheckOutcome.UP,
                        "Pingdom: Exchange OWA healthcheck UP (was DOWN)", "8832011|1741077930|UP",
                        Instant.parse("2025-03-04T08:45:30Z")));
    }

    @Test
    void shouldTurnAFailingTransactionCheckDown() throws PayloadException {
        assertThat(format.parse(Payloads.read("pingdom", "transaction-failing"), Map.of()))
                .extracting(Observation::subject, Observation::outcome, Observation::dedupeKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OWA login journey", CheckOutcome.DOWN,
                        "120044|1741076400|FAILING"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"UP, UP", "DOWN, DOWN", "SUCCESS, UP", "FAILING, DOWN", "down, DOWN"})
    void shouldMapEachState(String state, CheckOutcome outcome) throws PayloadException {
        byte[] body = Payloads.edit("pingdom", "firing", root -> root.put("current_state", state));

        assertThat(format.parse(body, Map.of())).extracting(Observation::outcome).containsExactly(outcome);
    }

    @Test
    void shouldNameTheStateWhenItIsUnknown() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("pingdom", "malformed"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/current_state");
        assertThat(error.getMessage())
                .isEqualTo("current_state must be 'UP', 'DOWN', 'SUCCESS' or 'FAILING', got 'SIDEWAYS'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "check_id                | check_id is required",
            "check_name              | check_name is required",
            "state_changed_timestamp | state_changed_timestamp is required"})
    void shouldNameAMissingField(String field, String message) {
        byte[] body = Payloads.edit("pingdom", "firing", root -> root.remove(field));

        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.field()).isEqualTo("/" + field);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    // 9e18 once overflowed Instant and answered 500; epoch milliseconds and microseconds are a unit mistake.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "9000000000000000000 | 9000000000000000000",
            "-1                  | -1",
            "1000000000000000    | 1000000000000000",
            "1741076130000       | 1741076130000",
            "253402300800        | 253402300800"})
    void shouldRefuseATimestampThatIsNotUnixSecondsOfARealDate(long timestamp, String shown) {
        byte[] body = Payloads.edit("pingdom", "firing", root -> root.put("state_changed_timestamp", timestamp));

        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/state_changed_timestamp");
        assertThat(error.getMessage()).isEqualTo("state_changed_timestamp must be unix seconds between 0 (1970) and "
                + "253402300799 (the end of 9999), got " + shown);
    }

    @Test
    void shouldAcceptTheLastSecondOf9999() throws PayloadException {
        byte[] body = Payloads.edit("pingdom", "firing", root -> root.put("state_changed_timestamp", 253402300799L));

        assertThat(format.parse(body, Map.of()).get(0).observedAt()).isEqualTo("9999-12-31T23:59:59Z");
    }

    @Test
    void shouldNotSignItsDeliveries() {
        assertThat(format.signature(SourceSettings.of("pingdom"), List.of("s3cret"))).isEmpty();
        assertThat(format.subjectIsCheckId()).isFalse();
    }
}
