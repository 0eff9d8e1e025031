package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalTimingTest {
    private static final SignalTiming TIMING = new SignalTiming(Duration.ofMinutes(5));
    private static final Instant RECEIVED = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void shouldTakeTheTimeReceivedFromTheEntryId() {
        assertThat(SignalTiming.received("1796290800000-3")).isEqualTo(Instant.parse("2026-12-03T09:40:00Z"));
    }

    @ParameterizedTest(name = "sent {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-                    | 2026-12-03T09:00:00Z | ''",
            "2026-12-03T08:00:00Z | 2026-12-03T08:00:00Z | ''",
            "2026-12-03T09:04:59Z | 2026-12-03T09:04:59Z | ''",
            "2026-12-03T09:05:00Z | 2026-12-03T09:05:00Z | ''",
            "2026-12-03T09:05:01Z | 2026-12-03T09:00:00Z | ' (the sender''s time 2026-12-03T09:05:01Z was ahead of Herald''s clock; the time received is used)'",
            "9999-12-31T23:59:59Z | 2026-12-03T09:00:00Z | ' (the sender''s time 9999-12-31T23:59:59Z was ahead of Herald''s clock; the time received is used)'",
    })
    void shouldBelieveTheSenderUnlessItIsAheadByMoreThanTheTolerance(Instant sent, Instant used, String note) {
        assertThat(TIMING.observed(sent, RECEIVED)).isEqualTo(new SignalTiming.Observed(used, note));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // what: the location's last entry and observed time | this entry's id and observed time | older?
            "nothing applied from the location yet    | -      | -                    | 500-0 | 2026-12-03T08:00:00Z | false",
            "a later entry observed later             | 400-0  | 2026-12-03T08:59:00Z | 500-0 | 2026-12-03T08:59:30Z | false",
            "a later entry observed at the same time  | 400-0  | 2026-12-03T08:59:00Z | 500-0 | 2026-12-03T08:59:00Z | false",
            "an entry before the last one (taken over) | 400-0 | 2026-12-03T08:59:00Z | 300-0 | 2026-12-03T08:59:30Z | true",
            "the same entry again                     | 400-0  | 2026-12-03T08:59:00Z | 400-0 | 2026-12-03T08:59:00Z | true",
            "a later entry the sender observed before | 400-0  | 2026-12-03T08:59:00Z | 500-0 | 2026-12-03T08:58:00Z | true",
            "a last time saved far ahead orders nothing | 400-0 | 9999-12-31T23:59:59Z | 500-0 | 2026-12-03T09:00:00Z | false",
    })
    void shouldTellOlderNewsFromTheLocationsLastWord(String what, String lastEntry, Instant lastObserved,
            String entryId, Instant observed, boolean older) {
        CheckState last = lastEntry == null ? null : new CheckState(CheckHealth.UP, 0, 1, 0, 1, "up", lastObserved,
                lastEntry);
        assertThat(TIMING.isOlderThan(last, entryId, observed, RECEIVED)).isEqualTo(older);
    }
}
