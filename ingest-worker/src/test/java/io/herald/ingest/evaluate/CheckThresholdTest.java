package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.CheckOutcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckThresholdTest {

    @ParameterizedTest(name = "{0}/{1} limit {2}: {3} + [{4}] = {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # to down | to up | limit ms | start   | observations (outcome[@latency ms])   | expected
            3 | 2 | -    | UNKNOWN  | up                                      | UP
            3 | 2 | -    | UNKNOWN  | down                                    | UP
            3 | 2 | -    | UNKNOWN  | down down down                          | DOWN
            3 | 2 | -    | UP       | down down                               | UP
            3 | 2 | -    | UP       | down down down                          | DOWN
            3 | 2 | -    | UP       | down down up down down                  | UP
            3 | 2 | -    | DOWN     | up                                      | DOWN
            3 | 2 | -    | DOWN     | up up                                   | UP
            3 | 2 | -    | DOWN     | up down up                              | DOWN
            3 | 2 | -    | DOWN     | degraded degraded                       | DEGRADED
            3 | 2 | -    | UP       | up@99999 up@99999 up@99999              | UP
            3 | 2 | 1000 | UP       | up@1500 up@1500                         | UP
            3 | 2 | 1000 | UP       | up@1500 up@1500 up@1500                 | DEGRADED
            3 | 2 | 1000 | UP       | up@1000 up@1000 up@1000                 | UP
            3 | 2 | 1000 | UP       | up@1500 up@200 up@1500 up@1500          | UP
            3 | 2 | 1000 | UP       | degraded degraded degraded              | DEGRADED
            3 | 2 | 1000 | DEGRADED | up@200                                  | DEGRADED
            3 | 2 | 1000 | DEGRADED | up@200 up@200                           | UP
            3 | 2 | 1000 | DEGRADED | up@200 up@1500 up@200                   | DEGRADED
            3 | 2 | 1000 | DEGRADED | down                                    | DEGRADED
            3 | 2 | 1000 | DEGRADED | down down down                          | DOWN
            3 | 2 | 1000 | DOWN     | up@1500 up@1500                         | DEGRADED
            3 | 2 | 1000 | DOWN     | up@1500 up@200                          | UP
            1 | 1 | -    | UP       | down                                    | DOWN
            1 | 1 | -    | UP       | degraded                                | DEGRADED
            1 | 1 | -    | DOWN     | up                                      | UP
            1 | 1 | -    | DOWN     | degraded                                | DEGRADED
            1 | 1 | -    | DEGRADED | up                                      | UP
            1 | 1 | -    | DEGRADED | down                                    | DOWN
            """)
    void shouldFollowTheThresholds(int failuresToDown, int successesToUp, Long limitMs, CheckHealth start,
            String observations, CheckHealth expected) {
        CheckThreshold threshold = new CheckThreshold(failuresToDown, successesToUp,
                limitMs == null ? null : Duration.ofMillis(limitMs));
        CheckState state = CheckState.initial(start);
        for (String observation : observations.trim().split("\\s+")) {
            String[] parts = observation.split("@");
            Long latency = parts.length > 1 ? Long.valueOf(parts[1]) : null;
            state = threshold.apply(state, CheckOutcome.fromWire(parts[0]), latency, observation, Instant.now());
        }
        assertThat(state.state()).isEqualTo(expected);
    }

    @Test
    void shouldCountConsecutiveResultsAndKeepTheLastDetail() {
        CheckThreshold threshold = new CheckThreshold(3, 2, Duration.ofMillis(100));
        CheckState state = CheckState.initial(CheckHealth.UP);
        state = threshold.apply(state, CheckOutcome.DOWN, null, "HTTP 503", Instant.EPOCH);
        state = threshold.apply(state, CheckOutcome.DOWN, null, "HTTP 502", Instant.EPOCH);
        assertThat(state.failures()).isEqualTo(2);
        assertThat(state.detail()).isEqualTo("HTTP 502");

        state = threshold.apply(state, CheckOutcome.UP, 500L, "slow", Instant.EPOCH);
        assertThat(state.failures()).isZero();
        assertThat(state.successes()).isEqualTo(1);
        assertThat(state.slow()).isEqualTo(1);
        assertThat(state.fast()).isZero();
    }
}
