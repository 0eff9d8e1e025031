package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationQuorumTest {
    private static final Instant NOW = Instant.parse("2025-03-04T09:00:00Z");

    /** Each location as state@seconds-ago, e.g. "DOWN@10 UP@5"; locations are named paris, lyon, nantes in order. */
    private static Map<String, CheckState> locations(String spec) {
        String[] names = {"paris", "lyon", "nantes"};
        Map<String, CheckState> states = new LinkedHashMap<>();
        String[] parts = spec.trim().split("\\s+");
        for (int i = 0; i < parts.length; i++) {
            String[] stateAge = parts[i].split("@");
            states.put(names[i], new CheckState(CheckHealth.valueOf(stateAge[0]), 0, 0, 0, 0,
                    names[i] + " says " + stateAge[0].toLowerCase(), NOW.minusSeconds(Long.parseLong(stateAge[1])), null));
        }
        return states;
    }

    @ParameterizedTest(name = "{0}, quorum {1} -> {2}")
    @CsvSource({
            // one location alone decides with quorum 1
            "DOWN@10,                   1, DOWN",
            "UP@10,                     1, UP",
            "UNKNOWN@10,                1, UNKNOWN",
            // one location's own network is not an outage
            "DOWN@10 UP@10 UP@10,       2, UP",
            "DOWN@10 DOWN@10 UP@10,     2, DOWN",
            "DOWN@10 DOWN@10 DOWN@10,   3, DOWN",
            "DOWN@10 DOWN@10 UP@10,     3, UP",
            // slow from anywhere is degraded, unless a quorum says down
            "DEGRADED@10 UP@10 UP@10,   2, DEGRADED",
            "DOWN@10 DEGRADED@10 UP@10, 2, DEGRADED",
            // a location silent for longer than staleAfter (100 s here) no longer counts
            "DOWN@500 UP@10 UP@10,      1, UP",
            "UP@500 DOWN@10 DOWN@10,    2, DOWN",
            // the quorum never asks for more locations than are reporting
            "DOWN@10 UP@500 UP@500,     2, DOWN",
            "DOWN@10,                   2, DOWN",
            // a location that has no result yet does not count either way
            "UNKNOWN@10 DOWN@10 UP@10,  2, UP",
            "UNKNOWN@10 DOWN@10,        2, DOWN",
            // everything stale: the last word still stands
            "DOWN@500 DOWN@500,         2, DOWN",
    })
    void shouldCombineLocations(String spec, int quorum, CheckHealth expected) {
        LocationQuorum rule = new LocationQuorum(quorum, Duration.ofSeconds(100));
        assertThat(rule.combine(locations(spec), NOW).health()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "DOWN@10 DOWN@10 UP@10 | paris: paris says down; lyon: lyon says down",
            "DOWN@10 UP@10 UP@10   | down only from paris (1 of 3 locations, quorum 2): paris says down",
    })
    void shouldSayWhichLocationsSawWhat(String spec, String detail) {
        assertThat(new LocationQuorum(2, Duration.ofSeconds(100)).combine(locations(spec), NOW).detail())
                .isEqualTo(detail);
    }
}
