package io.herald.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaleWordsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:30:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-12-03T12:02:00Z, 12:02 UTC",
            "2026-12-03T00:30:00Z, 00:30 UTC",
            "2026-12-03T00:29:59Z, 2026-12-03 00:29 UTC",
            "2026-11-30T09:12:00Z, 2026-11-30 09:12 UTC",
    })
    void shouldNameTheDayOnlyForATimeMoreThanTwelveHoursBack(String at, String words) {
        assertThat(StaleWords.at(Instant.parse(at), NOW)).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-12-03T12:02:00Z | no live data since 12:02 UTC: last known state "
                    + "| Live updates are paused since 12:02 UTC; this is the last known state",
    })
    void shouldSayTheStatusIsTheLastKnownOne(String since, String stale, String paused) {
        assertThat(StaleWords.noLiveDataSince(Instant.parse(since), NOW)).isEqualTo(stale.trim());
        assertThat(StaleWords.pausedSince(Instant.parse(since), NOW)).isEqualTo(paused.trim());
    }
}
