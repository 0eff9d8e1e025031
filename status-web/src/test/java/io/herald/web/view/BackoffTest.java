package io.herald.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @ParameterizedTest(name = "after {0} failures, jitter {1}: {2} ms")
    @CsvSource({
            "0, 0.0, 500",
            "1, 0.0, 1000",
            "2, 0.0, 2000",
            "5, 0.0, 16000",
            "6, 0.0, 30000",
            "40, 0.0, 30000",
            "-1, 0.0, 500",
            "0, 1.0, 400",
            "6, 1.0, 24000",
            "6, 0.5, 27000",
            "6, 7.0, 24000"
    })
    void shouldDoubleUpToTheCap(int failures, double jitter, long expectedMillis) {
        assertThat(backoff.delay(failures, jitter)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void shouldRejectCapBelowFirstDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("reconnect-max");
    }
}
