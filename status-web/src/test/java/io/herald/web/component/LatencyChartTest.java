package io.herald.web.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyChartTest {
    private static final Instant FROM = Instant.parse("2025-11-26T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-11-27T00:00:00Z");

    @ParameterizedTest(name = "{0} ms -> axis top {1}")
    @CsvSource({"0,10", "7,10", "11,20", "180,200", "201,250", "260,500", "999,1000", "1001,2000", "4800,5000"})
    void shouldRoundTheAxisUpToAFriendlyFigure(double max, double top) {
        assertThat(LatencyChart.niceCeiling(max)).isEqualTo(top);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0,0 ms", "12.4,12 ms", "999.6,1000 ms", "1000,1 s", "1500,1.5 s", "12000,12 s"})
    void shouldWriteMilliseconds(double ms, String words) {
        assertThat(LatencyChart.milliseconds(ms)).isEqualTo(words);
    }

    @Test
    void shouldPlaceSamplesInTimeAndValue() {
        LatencyChart.Chart chart = LatencyChart.of(List.of(
                new LatencyChart.Sample(FROM, 100, 200),
                new LatencyChart.Sample(FROM.plusSeconds(43200), 50, 150),
                new LatencyChart.Sample(TO, 100, 100)), FROM, TO, ZoneId.of("UTC"), Locale.ENGLISH);
        // plot: x 56..708, y 12..212; axis top 200 ms.
        assertThat(chart.p50()).isEqualTo("56.0,112.0 382.0,162.0 708.0,112.0");
        assertThat(chart.p95()).isEqualTo("56.0,12.0 382.0,62.0 708.0,112.0");
        assertThat(chart.yTicks()).extracting(LatencyChart.Tick::label)
                .containsExactly("0 ms", "50 ms", "100 ms", "150 ms", "200 ms");
        assertThat(chart.xTicks()).extracting(LatencyChart.Tick::label)
                .containsExactly("00:00", "06:00", "12:00", "18:00", "00:00");
        assertThat(chart.summary()).isEqualTo("3 samples; median p50 100 ms, highest p95 200 ms");
    }

    @Test
    void shouldDrawNothingWithoutSamples() {
        assertThat(LatencyChart.of(List.of(), FROM, TO, ZoneId.of("UTC"), Locale.ENGLISH)).isNull();
    }
}
