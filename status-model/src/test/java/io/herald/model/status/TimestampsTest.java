package io.herald.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            "2026-11-26T09:00:00Z,      Europe/Paris, 2026-11-26T10:00:00.000+01:00",
            "2026-07-01T09:00:00.125Z,  Europe/Paris, 2026-07-01T11:00:00.125+02:00",
            "2026-11-26T09:00:00Z,      UTC,          2026-11-26T09:00:00.000Z"})
    void shouldWriteTheInstantWithTheOffsetOfThePageTimeZone(String instant, String zone, String written) {
        assertThat(Timestamps.format(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(written);
        assertThat(Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(written)))
                .isEqualTo(Instant.parse(instant));
    }
}
