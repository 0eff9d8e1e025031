package io.herald.api.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceClockTest {
    private static final Instant FROM = Instant.parse("2026-11-28T21:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-28T22:00:00Z");

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            scheduled   | 2026-11-28T20:59:59Z | ''
            scheduled   | 2026-11-28T21:00:00Z | in_progress
            scheduled   | 2026-11-29T09:00:00Z | in_progress
            in_progress | 2026-11-28T21:59:59Z | ''
            in_progress | 2026-11-28T22:00:00Z | verifying
            verifying   | 2026-11-28T22:14:59Z | ''
            verifying   | 2026-11-28T22:15:00Z | completed
            completed   | 2026-11-29T09:00:00Z | ''
            """)
    void shouldMoveOnTime(String status, String now, String expected) {
        String next = MaintenanceClock.next(status, FROM, UNTIL, Duration.ofMinutes(15), Instant.parse(now));

        assertThat(next == null ? "" : next).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            scheduled   | in_progress | true
            scheduled   | completed   | true
            in_progress | verifying   | true
            in_progress | scheduled   | false
            verifying   | in_progress | false
            completed   | completed   | false
            completed   | scheduled   | false
            """)
    void shouldOnlyLetOperatorsMoveForward(String from, String to, boolean allowed) {
        assertThat(MaintenanceClock.allowed(from, to)).isEqualTo(allowed);
    }
}
