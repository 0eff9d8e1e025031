package io.herald.api.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.herald.api.overlay.OverlayFeed;
import io.herald.api.support.EvaluatorWrites;
import io.herald.api.support.OwnRedis;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Redis killed (-9) under a running status-api and started again empty: while it is gone the page says its live
 * updates are paused; once it is back without its data, the page keeps the last known status, marked stale, and
 * never takes the empty hash as operational.
 */
@QuarkusTest
@TestProfile(RedisLossTest.ItsOwnRedis.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisLossTest {
    private static final String PAUSED = "Live updates are paused since \\d{2}:\\d{2} UTC; this is the last known state";

    @Inject
    RedisDataSource redis;

    @Inject
    LiveStatusFeed feed;

    @Inject
    OverlayFeed overlay;

    private EvaluatorWrites evaluator;

    public static class ItsOwnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OwnRedis.class));
        }
    }

    @BeforeAll
    void clean() {
        TestStores.truncateAll();
        overlay.refreshNow().await().atMost(Duration.ofSeconds(5));
        evaluator = new EvaluatorWrites(redis);
    }

    @Test
    void shouldPauseWhileRedisIsGoneAndKeepTheLastKnownStatusStaleWhenItComesBackEmpty() {
        evaluator.seedEpoch("epoch-1");
        evaluator.change("smtp", null, ComponentStatus.MAJOR_OUTAGE, "smtp-monitor", "connection refused");
        // A state known to this process but not (yet) recorded in PostgreSQL: only memory can keep it.
        redis.hash(String.class).hset(evaluator.keys().currentStatus(), "webmail", HeraldJson.write(new ComponentState(
                "webmail", ComponentStatus.PARTIAL_OUTAGE, Instant.now(), "webmail-monitor", "HTTP 503 for some")));
        feed.resync().await().atMost(Duration.ofSeconds(5));
        assertThat(component("webmail")).containsEntry("status", "partial_outage");
        assertThat(component("smtp")).containsEntry("status", "major_outage").containsEntry("stale", false);
        assertThat(live()).containsEntry("paused", false);

        OwnRedis.kill();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(live())
                .containsEntry("paused", true).hasEntrySatisfying("words", w -> assertThat((String) w).matches(PAUSED))
                .hasEntrySatisfying("since", s -> assertThat(s).isNotNull()));
        assertThat(component("smtp")).containsEntry("status", "major_outage");
        given().get("/api/v2/summary.json").then().statusCode(200)
                .body("components.find { it.id == 'smtp' }.status", equalTo("major_outage"));
        // Still ready (the status is served); the live group says the channel is not heard.
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'status-snapshot' }.data.live-subscription", equalTo(false));
        given().get("/q/health/group/live").then().statusCode(503);

        OwnRedis.startEmpty();
        Instant back = Instant.now();
        // status-api re-subscribes within a fraction of a second and re-reads the (empty) hash every 500 ms: the
        // last known status stays, never operational.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
                .until(() -> "major_outage".equals(component("smtp").get("status"))
                        && "partial_outage".equals(component("webmail").get("status")));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(live()).containsEntry("paused", false));
        Map<String, Object> smtp = component("smtp");
        assertThat(smtp).containsEntry("stale", true).containsEntry("cause", "smtp-monitor")
                .containsEntry("detail", "connection refused");
        assertThat((String) smtp.get("stale_detail")).matches("no live data since \\d{2}:\\d{2} UTC: last known state");
        assertThat(component("webmail")).containsEntry("stale", true).containsEntry("detail", "HTTP 503 for some");
        String lost = redis.value(String.class).get(evaluator.keys().stateLost());
        assertThat(lost).as("the time status-api noticed, for the evaluators").isNotNull();
        assertThat(Instant.parse(lost)).isAfterOrEqualTo(back.minusSeconds(1));
        given().get("/api/v2/summary.json").then().statusCode(200)
                .body("components.find { it.id == 'smtp' }.status", equalTo("major_outage"))
                .body("status.indicator", matchesPattern("major|critical"));
        assertThat(component("intranet")).containsEntry("status", "operational").containsEntry("evaluated", false);

        // An evaluator judges smtp again: the live state wins, fresh.
        evaluator.seedEpoch("epoch-2");
        evaluator.change("smtp", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(component("smtp"))
                .containsEntry("status", "operational").containsEntry("stale", false));
    }

    private static Map<String, Object> live() {
        return given().get("/api/v1/status").then().statusCode(200).extract().jsonPath().getMap("live");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(String id) {
        JsonPath v1 = given().get("/api/v1/status").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> services = v1.getList("services");
        return services.stream().flatMap(s -> ((List<Map<String, Object>>) s.get("components")).stream())
                .filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    }
}
