package io.herald.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBoundsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1970-01, true",
            "2026-11, true",
            "9999-12, true",
            "1969-12, false",
            "+10000-01, false",
            "+999999999-12, false",
            "-0001-01, false",
    })
    void shouldAcceptMonthsFrom1970To9999(String month, boolean accepted) {
        assertThat(TimeBounds.accepts(YearMonth.parse(month))).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1970-01-01T00:00:00Z, true",
            "9999-12-31T23:59:59Z, true",
            // written in range but in 1969 in UTC, or in 10000 in UTC
            "1970-01-01T00:30:00+01:00, false",
            "9999-12-31T23:30:00-01:00, false",
            "+999999999-12-31T00:00:00Z, false",
    })
    void shouldAcceptTimesWhoseYearIsInRangeAsWrittenAndInUtc(String time, boolean accepted) {
        assertThat(TimeBounds.accepts(OffsetDateTime.parse(time))).isEqualTo(accepted);
    }
}
