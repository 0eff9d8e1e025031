package io.herald.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryBackoffTest {
    private static final RetryBackoff RULE = new RetryBackoff(Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofHours(24));
    private static final Instant CREATED = Instant.parse("2026-11-26T09:00:00Z");

    @ParameterizedTest(name = "after attempt {0} the wait is at most {1} s")
    @CsvSource({
            "1, 10",
            "2, 20",
            "3, 40",
            "4, 80",
            "9, 2560",
            "10, 3600",
            "30, 3600",
            "1000, 3600",
            "0, 10"})
    void shouldDoubleTheCeilingUpToTheMaximum(int attempts, long seconds) {
        assertThat(RULE.ceiling(attempts)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "attempt {0}, {1} min after creation, jitter {2}: next try after {3} ms (-1 = give up)")
    @CsvSource({
            // full jitter: anywhere from no wait to the whole ceiling
            "1, 0, 0.0, 0",
            "1, 0, 0.5, 5000",
            "1, 0, 0.999, 9990",
            "3, 5, 0.25, 10000",
            "12, 600, 1.0, 3600000",
            // the last try that still fits in 24 h, and the one that would not
            "20, 1380, 0.99, 3564000",
            "20, 1381, 0.99, -1",
            "20, 1440, 0.0, 0",
            "20, 1441, 0.0, -1"})
    void shouldWaitARandomPartOfTheCeilingAndGiveUpAfterMaxAge(int attempts, long minutesLater, double random,
            long expectedWaitMillis) {
        Instant now = CREATED.plus(Duration.ofMinutes(minutesLater));
        Optional<Instant> next = RULE.nextAttempt(attempts, CREATED, now, random);
        if (expectedWaitMillis < 0) {
            assertThat(next).isEmpty();
        } else {
            assertThat(next).contains(now.plusMillis(expectedWaitMillis));
        }
    }
}
