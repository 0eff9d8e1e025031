package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlapDetectorTest {
    private static final Instant START = Instant.parse("2025-03-04T09:00:00Z");
    // More than 3 changes in 10 minutes is flapping; released after 5 quiet minutes.
    private static final FlapDetector RULE = new FlapDetector(3, Duration.ofMinutes(10), Duration.ofMinutes(5));

    /**
     * Feeds raw healths, one per step, each "STATE@minute", and returns the effective healths, space separated.
     */
    private static String run(String steps) {
        FlapState flap = FlapState.NONE;
        CheckHealth raw = CheckHealth.UNKNOWN;
        List<String> effective = new ArrayList<>();
        for (String step : steps.trim().split("\\s+")) {
            String[] stateMinute = step.split("@");
            CheckHealth next = CheckHealth.valueOf(stateMinute[0]);
            FlapDetector.Result result = RULE.apply(flap, raw, next, "why",
                    START.plus(Duration.ofMinutes(Long.parseLong(stateMinute[1]))));
            flap = result.flap();
            raw = next;
            effective.add(result.health().name());
        }
        return String.join(" ", effective);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a steady check is left alone                | UP@0 UP@1 UP@2                            | UP UP UP",
            "a real outage and recovery pass through     | UP@0 DOWN@1 DOWN@2 UP@8                   | UP DOWN DOWN UP",
            "three changes in the window are allowed     | UP@0 DOWN@1 UP@2 DOWN@3                   | UP DOWN UP DOWN",
            "the fourth change holds it degraded         | UP@0 DOWN@1 UP@2 DOWN@3 UP@4              | UP DOWN UP DOWN DEGRADED",
            "it does not toggle while flapping           | UP@0 DOWN@1 UP@2 DOWN@3 UP@4 DOWN@5 UP@6  | UP DOWN UP DOWN DEGRADED DEGRADED DEGRADED",
            "released after a quiet period, to its state | UP@0 DOWN@1 UP@2 DOWN@3 UP@4 DOWN@5 DOWN@9 DOWN@10 | UP DOWN UP DOWN DEGRADED DEGRADED DEGRADED DOWN",
            "changes spread wider than the window are ok | UP@0 DOWN@1 UP@5 DOWN@9 UP@13 DOWN@17     | UP DOWN UP DOWN UP DOWN",
            "the first answer is not a change            | UP@0 DOWN@1 UP@2 DOWN@3                   | UP DOWN UP DOWN",
    })
    void shouldHoldAFlappingCheckDegraded(String what, String steps, String expected) {
        assertThat(run(steps)).isEqualTo(expected.trim());
    }

    @Test
    void shouldCountAChangeRememberedAheadOfNowAsNowAndReleaseItInTime() {
        // Saved when the sender's time was believed: five changes and the last one in 9999.
        Instant ahead = Instant.parse("9999-12-31T23:59:59Z");
        FlapState saved = new FlapState(List.of(ahead, ahead, ahead, ahead, ahead), ahead, true);

        FlapDetector.Result held = RULE.apply(saved, CheckHealth.UP, CheckHealth.UP, "why", START);
        FlapDetector.Result released = RULE.apply(held.flap(), CheckHealth.UP, CheckHealth.UP, "why",
                START.plus(Duration.ofMinutes(5)));

        assertThat(held.health()).isEqualTo(CheckHealth.DEGRADED);
        assertThat(held.flap().lastChange()).isEqualTo(START);
        assertThat(released.health()).isEqualTo(CheckHealth.UP);
        assertThat(released.flap().flapping()).isFalse();
    }
}
