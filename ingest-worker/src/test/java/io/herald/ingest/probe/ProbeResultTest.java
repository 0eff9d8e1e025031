package io.herald.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.CheckOutcome;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeResultTest {

    @ParameterizedTest(name = "{0} after {1}ms with threshold {2}ms -> {3}")
    @CsvSource({
            "UP,       200, 1000, UP",
            "UP,      1000, 1000, UP",
            "UP,      1500, 1000, DEGRADED",
            "DOWN,    1500, 1000, DOWN",
            "DEGRADED, 200, 1000, DEGRADED"
    })
    void shouldDegradeOnlyUpResultsSlowerThanTheCallersThreshold(CheckOutcome outcome, long latencyMs,
            long thresholdMs, CheckOutcome expected) {
        ProbeResult result = new ProbeResult(outcome, latencyMs, "SMTP OK")
                .degradedWhenSlowerThan(Duration.ofMillis(thresholdMs));

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.latencyMs()).isEqualTo(latencyMs);
        if (expected != outcome) {
            assertThat(result.detail()).isEqualTo("slow: took 1500ms, over 1000ms; SMTP OK");
        }
    }

    @ParameterizedTest(name = "{0}ms is written {1}")
    @CsvSource({"5000, 5s", "1000, 1s", "1500, 1500ms", "250, 250ms"})
    void shouldWriteTimeoutsTheWayPeopleDo(long millis, String expected) {
        assertThat(ProbeFailures.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }
}
