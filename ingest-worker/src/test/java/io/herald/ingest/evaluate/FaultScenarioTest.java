package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.SpareRedis;
import io.herald.model.CheckOutcome;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.Signal;
import io.herald.model.StatusChange;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The day the mail stopped, as probe rounds: five ActiveSync endpoints probed every 30 s from three locations
 * (quorum 2, 3 failures to go down, 2 successes to come back). The evaluator takes a signal's time from its stream
 * entry id, so the rounds are appended with ids of a simulated clock in 2030, to a Redis of this test's own. This
 * worker probes from paris: a real (hourly) probe of these checks is older news than the simulated rounds and never
 * counts. Each phase asserts what a person would see on the page.
 */
@QuarkusTest
@TestProfile(FaultScenarioTest.SimulatedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenarioTest {
    public static class SimulatedClock implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SpareRedis.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.ingest.location", "paris");
        }
    }

    private static final String COMPONENT = "scenario-activesync";
    private static final List<String> ENDPOINTS = List.of("es-1", "es-2", "es-3", "es-4", "es-5");
    private static final List<String> LOCATIONS = List.of("paris", "lyon", "nantes");
    private static final Duration ROUND = Duration.ofSeconds(30);
    private static Instant clock = Instant.parse("2030-03-04T09:00:00Z");
    private static final Map<String, Long> fed = new HashMap<>();

    @Inject
    RedisDataSource redis;

    /** One probe round: every endpoint from every location; {@code down} holds "endpoint@location" pairs failing. */
    private ComponentStatus round(Set<String> down) {
        RedisProbe store = new RedisProbe(redis);
        clock = clock.plus(ROUND);
        for (String endpoint : ENDPOINTS) {
            for (String location : LOCATIONS) {
                boolean fails = down.contains(endpoint + "@" + location) || down.contains(endpoint + "@*");
                redis.stream(String.class).xadd(store.keys().signals(), new XAddArgs().id(clock.toEpochMilli() + "-*"),
                        new Signal(UUID.randomUUID().toString(), "probe", endpoint,
                                fails ? CheckOutcome.DOWN : CheckOutcome.UP, 40L,
                                fails ? "OPTIONS /Microsoft-Server-ActiveSync answered 503" : "401 as expected", clock,
                                location).toFields());
                fed.merge(endpoint, 1L, Long::sum);
            }
        }
        for (String endpoint : ENDPOINTS) {
            await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) store.checkState(endpoint)
                    .getOrDefault("count", 0)).longValue() >= fed.get(endpoint));
        }
        return store.current(COMPONENT).status();
    }

    private static Set<String> all(String... endpoints) {
        Set<String> down = new java.util.HashSet<>();
        for (String e : endpoints) {
            down.add(e + "@*");
        }
        return down;
    }

    private List<StatusChange> changes() {
        return new RedisProbe(redis).changes().stream()
                .map(m -> HeraldJson.read(m.payload().get("change"), StatusChange.class))
                .filter(c -> c.component().equals(COMPONENT)).toList();
    }

    @Test
    @Order(1)
    void shouldIgnoreSingleBlipsAndOneLocationCutOff() {
        for (int i = 0; i < 3; i++) {
            assertThat(round(Set.of())).isEqualTo(ComponentStatus.OPERATIONAL);
        }
        int changesBefore = changes().size();
        // Single blips: one endpoint from one location, then one whole round everywhere.
        assertThat(round(Set.of("es-2@lyon"))).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(round(Set.of("es-4@paris", "es-1@nantes"))).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(round(all("es-1", "es-2", "es-3", "es-4", "es-5"))).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(round(Set.of())).isEqualTo(ComponentStatus.OPERATIONAL);
        // One location's own network is cut off for five minutes: everything fails from nantes only.
        Set<String> nantesCut = new java.util.HashSet<>();
        ENDPOINTS.forEach(e -> nantesCut.add(e + "@nantes"));
        for (int i = 0; i < 10; i++) {
            assertThat(round(nantesCut)).as("round %d with nantes cut off", i).isEqualTo(ComponentStatus.OPERATIONAL);
        }
        assertThat(changes()).as("zero false outages").hasSize(changesBefore);
    }

    @Test
    @Order(2)
    void shouldTellPartialFromMajorAndSayHowLongDetectionTook() {
        for (int i = 0; i < 3; i++) {
            round(Set.of());
        }
        // 40% of the endpoints fail from every location.
        int rounds = 0;
        ComponentStatus status;
        do {
            status = round(all("es-2", "es-4"));
            rounds++;
        } while (status == ComponentStatus.OPERATIONAL && rounds < 10);
        System.out.printf("[fault scenario] 2 of 5 endpoints failing: %s after %d rounds = %d s at a 30 s interval%n",
                status.wire(), rounds, rounds * ROUND.toSeconds());
        assertThat(status).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(rounds).as("detected on the failure threshold, not before and not later").isEqualTo(3);
        StatusChange partial = changes().get(changes().size() - 1);
        // The first endpoint over its threshold changes the page; the second one leaves it partial.
        assertThat(partial.cause()).isIn("es-2", "es-4", "es-2,es-4");
        assertThat(partial.detail()).contains("paris: OPTIONS /Microsoft-Server-ActiveSync answered 503");

        rounds = 0;
        do {
            status = round(all("es-1", "es-2", "es-3", "es-4", "es-5"));
            rounds++;
        } while (status != ComponentStatus.MAJOR_OUTAGE && rounds < 10);
        System.out.printf("[fault scenario] all endpoints failing: %s after %d more rounds = %d s%n",
                status.wire(), rounds, rounds * ROUND.toSeconds());
        assertThat(status).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(rounds).isEqualTo(3);

        rounds = 0;
        do {
            status = round(Set.of());
            rounds++;
        } while (status != ComponentStatus.OPERATIONAL && rounds < 10);
        System.out.printf("[fault scenario] recovery seen after %d rounds = %d s%n", rounds, rounds * ROUND.toSeconds());
        assertThat(rounds).isEqualTo(2);
    }

    @Test
    @Order(3)
    void shouldHoldAFlappingEndpointInsteadOfTogglingThePage() {
        for (int i = 0; i < 3; i++) {
            round(Set.of());
        }
        int changesBefore = changes().size();
        List<ComponentStatus> seen = new ArrayList<>();
        // es-3 fails for 3 rounds and recovers for 2, again and again, for 25 minutes.
        for (int i = 0; i < 50; i++) {
            seen.add(round(i % 5 < 3 ? all("es-3") : Set.of()));
        }
        List<StatusChange> flapping = changes().subList(changesBefore, changes().size());
        System.out.printf("[fault scenario] flapping endpoint, 50 rounds: %d page changes: %s%n", flapping.size(),
                flapping.stream().map(c -> c.to().wire()).toList());
        assertThat(flapping.size()).as("without the hold the page would change 20 times").isLessThanOrEqualTo(5);
        assertThat(seen.subList(20, 50)).as("once flapping, held degraded, not toggling")
                .containsOnly(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(flapping.get(flapping.size() - 1).detail()).contains("flapping");
        assertThat(seen).doesNotContain(ComponentStatus.MAJOR_OUTAGE);

        // After a quiet period (10 min) the hold is released to what the probes say.
        ComponentStatus status = ComponentStatus.DEGRADED_PERFORMANCE;
        for (int i = 0; i < 25 && status != ComponentStatus.OPERATIONAL; i++) {
            status = round(Set.of());
        }
        assertThat(status).isEqualTo(ComponentStatus.OPERATIONAL);
    }
}
