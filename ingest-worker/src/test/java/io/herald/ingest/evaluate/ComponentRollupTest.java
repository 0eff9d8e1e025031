package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ComponentStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentRollupTest {

    @ParameterizedTest(name = "[{0}] = {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            UP                  | OPERATIONAL
            UP UP UP            | OPERATIONAL
            DOWN                | MAJOR_OUTAGE
            DOWN DOWN           | MAJOR_OUTAGE
            DOWN UP             | PARTIAL_OUTAGE
            UP DOWN UP          | PARTIAL_OUTAGE
            DOWN DEGRADED       | PARTIAL_OUTAGE
            DEGRADED            | DEGRADED_PERFORMANCE
            UP DEGRADED         | DEGRADED_PERFORMANCE
            UNKNOWN             | -
            UP UNKNOWN          | -
            DOWN UNKNOWN        | -
            """)
    void shouldRollChecksUp(String states, ComponentStatus expected) {
        Map<String, CheckState> checks = new LinkedHashMap<>();
        String[] each = states.trim().split("\\s+");
        for (int i = 0; i < each.length; i++) {
            checks.put("check-" + i, CheckState.initial(CheckHealth.valueOf(each[i])));
        }
        Optional<ComponentEvaluation> evaluation = ComponentRollup.evaluate(checks);
        assertThat(evaluation.map(ComponentEvaluation::status).orElse(null)).isEqualTo(expected);
    }

    @Test
    void shouldNameTheChecksThatAreNotUpAndJoinTheirDetails() {
        Map<String, CheckState> checks = new LinkedHashMap<>();
        checks.put("web", new CheckState(CheckHealth.DOWN, 3, 0, 0, 0, "HTTP 503 from http://web/", null, null));
        checks.put("api", new CheckState(CheckHealth.UP, 0, 4, 0, 4, "HTTP 200", null, null));
        checks.put("db", new CheckState(CheckHealth.DEGRADED, 0, 3, 3, 0, "slow: 2300 ms", null, null));

        ComponentEvaluation evaluation = ComponentRollup.evaluate(checks).orElseThrow();

        assertThat(evaluation.status()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(evaluation.cause()).isEqualTo("web,db");
        assertThat(evaluation.detail()).isEqualTo("HTTP 503 from http://web/; slow: 2300 ms");
    }

    @Test
    void shouldGiveNoCauseWhenOperational() {
        ComponentEvaluation evaluation = ComponentRollup.evaluate(
                Map.of("web", CheckState.initial(CheckHealth.UP))).orElseThrow();
        assertThat(evaluation.cause()).isEmpty();
        assertThat(evaluation.detail()).isEmpty();
    }

    /** Checks as STATE (fresh), STATE~ (stale: its last word is old) or lost (nothing known, not counted). */
    private static Map<String, CheckView> views(String spec) {
        Map<String, CheckView> views = new LinkedHashMap<>();
        String[] each = spec.trim().split("\\s+");
        for (int i = 0; i < each.length; i++) {
            String token = each[i];
            views.put("check-" + i, token.equals("lost")
                    ? new CheckSilence.View(CheckHealth.UNKNOWN, "", true, "no data from check-" + i, false)
                    : new CheckSilence.View(CheckHealth.valueOf(token.replace("~", "")), "", token.endsWith("~"),
                            token.endsWith("~") ? "no recent data from check-" + i : "", true));
        }
        return views;
    }

    @ParameterizedTest(name = "[{0}] = {1}, stale {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            UP UP            | OPERATIONAL          | false | ''
            DEGRADED~        | DEGRADED_PERFORMANCE | true  | no recent data from check-0
            UP DOWN~         | PARTIAL_OUTAGE       | true  | no recent data from check-1
            lost             | -                    | -     | -
            lost UP          | OPERATIONAL          | true  | no data from check-0
            lost DOWN        | MAJOR_OUTAGE         | true  | no data from check-0
            lost UNKNOWN     | -                    | -     | -
            lost DEGRADED~   | DEGRADED_PERFORMANCE | true  | no data from check-0; no recent data from check-1
            """)
    void shouldLeaveTheStatusToTheChecksItKnowsAndSayWhichAreStale(String spec, ComponentStatus expected,
            Boolean stale, String staleDetail) {
        Optional<ComponentEvaluation> evaluation = ComponentRollup.evaluate(views(spec));
        assertThat(evaluation.map(ComponentEvaluation::status).orElse(null)).isEqualTo(expected);
        assertThat(evaluation.map(ComponentEvaluation::stale).orElse(null)).isEqualTo(stale);
        assertThat(evaluation.map(ComponentEvaluation::staleDetail).orElse(null)).isEqualTo(staleDetail);
    }
}
