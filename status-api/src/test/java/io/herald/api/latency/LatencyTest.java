package io.herald.api.latency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.herald.api.db.SafeContext;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.model.CheckOutcome;
import io.herald.model.Signal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LatencyTest extends IsolatedTest {

    @Inject
    LatencyStore store;

    @Inject
    Vertx vertx;

    @Test
    void shouldStoreSignalLatenciesAndServePercentiles() {
        await().atMost(Duration.ofSeconds(5)).until(this::groupExists);
        Instant at = Instant.now().minusSeconds(60);
        for (int i = 1; i <= 100; i++) {
            Signal signal = new Signal("probe-" + i, "probe", "smtp-monitor", CheckOutcome.UP, (long) i, "",
                    at.plusMillis(i));
            redis.stream(String.class).xadd(evaluator.keys().signals(), signal.toFields());
        }
        Signal noLatency = new Signal("hook-1", "test", "smtp-monitor", CheckOutcome.DOWN, null, "refused", at);
        redis.stream(String.class).xadd(evaluator.keys().signals(), noLatency.toFields());

        await().atMost(Duration.ofSeconds(5)).until(() -> TestStores.count("SELECT count(*) FROM "
                + TestStores.SCHEMA + ".latency_sample") == 100);

        JsonPath day = given().queryParam("window", "24h").get("/api/v1/checks/smtp-monitor/latency").then()
                .statusCode(200).body("check", equalTo("smtp-monitor")).body("component", equalTo("smtp"))
                .body("resolution", equalTo("raw")).extract().jsonPath();
        List<Map<String, Object>> points = day.getList("points");
        long count = points.stream().mapToLong(p -> ((Number) p.get("count")).longValue()).sum();
        assertThat(count).isEqualTo(100);
        if (points.size() == 1) {
            assertThat(day.getDouble("points[0].p50")).isEqualTo(50.5);
            assertThat(day.getDouble("points[0].p95")).isEqualTo(95.1);
            assertThat(day.getDouble("points[0].p99")).isEqualTo(99.0);
        }

        SafeContext.run(vertx, () -> store.rollUp(at.minus(Duration.ofHours(1)))).await().atMost(Duration.ofSeconds(5));
        JsonPath week = given().queryParam("window", "7d").get("/api/v1/checks/smtp-monitor/latency").then()
                .statusCode(200).body("resolution", equalTo("hour")).extract().jsonPath();
        List<Map<String, Object>> hours = week.getList("points");
        assertThat(hours.stream().mapToLong(p -> ((Number) p.get("count")).longValue()).sum()).isEqualTo(100);

        given().queryParam("window", "1y").get("/api/v1/checks/smtp-monitor/latency").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/checks/nope/latency").then().statusCode(404).contentType("application/problem+json");
    }

    private boolean groupExists() {
        try {
            for (var group : redis.execute("XINFO", "GROUPS", evaluator.keys().signals())) {
                if ("status-api-latency".equals(String.valueOf(group.get("name")))) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }
}
