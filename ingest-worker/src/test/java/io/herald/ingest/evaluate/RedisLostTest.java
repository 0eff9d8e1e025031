package io.herald.ingest.evaluate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.SpareRedis;
import io.herald.ingest.support.TestEnvironment;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis is killed (kill -9) and comes back empty on the same port while the evaluator runs: what Herald no longer
 * knows is shown as unknown or stale, never as operational.
 */
@QuarkusTest
@TestProfile(RedisLostTest.OwnRedis.class)
class RedisLostTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SpareRedis.class));
        }
    }

    @ConfigProperty(name = SpareRedis.PORT_PROPERTY)
    int port;

    @Inject
    RedisDataSource redis;

    Process restarted;

    @AfterEach
    void cleanUp() {
        if (restarted != null) {
            SpareRedis.stopServer(port);
            restarted.destroyForcibly();
        }
    }

    private static void post(String check, String status, String detail) {
        given().header("Authorization", "Bearer " + TestEnvironment.TOKEN).contentType("application/json")
                .body("{\"check\":\"" + check + "\",\"status\":\"" + status + "\",\"detail\":\"" + detail + "\"}")
                .when().post("/ingest/test-monitor").then().statusCode(202);
    }

    private static List<StatusChange> changesOf(RedisProbe store, String component) {
        return store.changes().stream().map(m -> HeraldJson.read(m.payload().get(RedisKeys.CHANGE_FIELD),
                StatusChange.class)).filter(c -> c.component().equals(component)).toList();
    }

    @Test
    void shouldNeverCallOperationalWhatItForgotWhenRedisComesBackEmpty() {
        RedisProbe store = new RedisProbe(redis);
        post("activesync-monitor", "down", "ActiveSync answers 503");
        post("mixed-monitor", "down", "OWA answers 503");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(store.current("lost-activesync")).extracting(ComponentState::status)
                    .isEqualTo(ComponentStatus.MAJOR_OUTAGE);
            assertThat(store.current("lost-mixed")).extracting(ComponentState::status)
                    .isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        });

        SpareRedis.killServer(port);
        restarted = SpareRedis.startServer(port);

        // For longer than the evaluator takes to reconnect and start over, nothing is written for the component only
        // the monitor spoke for: status-api goes on showing it as PostgreSQL knows it, marked stale.
        await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(16)).untilAsserted(() -> {
            assertThat(store.current("lost-activesync")).isNull();
            assertThat(changesOf(store, "lost-activesync")).isEmpty();
        });
        // It found Redis without the epoch it knew and said so with the lost marker.
        String lost = redis.value(String.class).get(store.keys().stateLost());
        assertThat(lost).isNotNull();
        Instant noticed = Instant.parse(lost);
        assertThat(noticed).isAfter(Instant.now().minus(WAIT));
        assertThat(redis.value(String.class).get(store.keys().stateEpoch())).isNotBlank();

        // The component that is also probed takes its status from the probe and is marked stale.
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("lost-mixed")).isNotNull());
        ComponentState mixed = store.current("lost-mixed");
        assertThat(mixed.status()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(mixed.stale()).isTrue();
        assertThat(mixed.staleDetail()).isEqualTo("no data from mixed-monitor since Herald's live state was lost at "
                + noticed.truncatedTo(ChronoUnit.SECONDS));

        post("activesync-monitor", "up", "ActiveSync answers again");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("lost-activesync")).satisfies(state -> {
            assertThat(state.status()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(state.stale()).isFalse();
        }));
        assertThat(changesOf(store, "lost-activesync")).extracting(StatusChange::to)
                .containsExactly(ComponentStatus.OPERATIONAL);
    }
}
