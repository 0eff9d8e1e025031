package io.herald.ingest.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {
    private static final Instant NOW = Instant.parse("2025-03-04T08:20:00Z");
    private static final long SECONDS = NOW.getEpochSecond();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    // MIN_PLUS_NOW is Long.MIN_VALUE + now: now minus it overflows to Long.MIN_VALUE, whose Math.abs is negative and
    // once passed for "within the tolerance", so a signature made for it replayed forever.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "NOW                  | -",
            "NOW-300              | -",
            "NOW+300              | -",
            "NOW-301              | the webhook-timestamp header is 301 s in the past, outside the 300 s tolerance",
            "NOW+301              | the webhook-timestamp header is 301 s in the future, outside the 300 s tolerance",
            "MIN_PLUS_NOW         | the webhook-timestamp header is more than 10000000000 s in the past, outside the 300 s tolerance",
            "-9223372036854775808 | the webhook-timestamp header is more than 10000000000 s in the past, outside the 300 s tolerance",
            "9223372036854775807  | the webhook-timestamp header is more than 10000000000 s in the future, outside the 300 s tolerance",
            "1000000000000000     | the webhook-timestamp header is more than 10000000000 s in the future, outside the 300 s tolerance",
            "0                    | the webhook-timestamp header is 1741076400 s in the past, outside the 300 s tolerance",
            "1e15                 | the webhook-timestamp header is not unix seconds",
            "9223372036854775808  | the webhook-timestamp header is not unix seconds"})
    void shouldAcceptOnlyTimesWithinTheTolerance(String value, String refusal) {
        String timestamp = switch (value) {
            case "NOW" -> Long.toString(SECONDS);
            case "NOW-300" -> Long.toString(SECONDS - 300);
            case "NOW+300" -> Long.toString(SECONDS + 300);
            case "NOW-301" -> Long.toString(SECONDS - 301);
            case "NOW+301" -> Long.toString(SECONDS + 301);
            case "MIN_PLUS_NOW" -> Long.toString(Long.MIN_VALUE + SECONDS);
            default -> value;
        };

        assertThat(Timestamps.outsideTolerance("webhook-timestamp", timestamp, Duration.ofMinutes(5), CLOCK))
                .isEqualTo(Optional.ofNullable(refusal));
    }
}
