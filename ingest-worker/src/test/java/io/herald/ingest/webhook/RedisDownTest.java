package io.herald.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.ingest.support.SpareRedis;
import io.herald.ingest.support.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the worker against its own redis-server, which the test stops and starts again. */
@QuarkusTest
@TestProfile(RedisDownTest.OwnRedis.class)
class RedisDownTest {

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SpareRedis.class));
        }
    }

    @ConfigProperty(name = SpareRedis.PORT_PROPERTY)
    int port;

    Process restarted;

    @AfterEach
    void cleanUp() {
        if (restarted != null) {
            SpareRedis.stopServer(port);
            restarted.destroyForcibly();
        }
    }

    private static io.restassured.response.ValidatableResponse post() {
        return given().header("Authorization", "Bearer " + TestEnvironment.TOKEN).contentType("application/json")
                .body("{\"check\":\"accept-monitor\",\"status\":\"down\",\"detail\":\"queue stuck\"}")
                .when().post("/ingest/test-monitor")
                .then();
    }

    @Test
    void shouldAnswer503QuicklyWhileRedisIsUnreachableAndRecoverAfterwards() {
        post().statusCode(202);

        SpareRedis.stopServer(port);
        assertThat(SpareRedis.answers(port)).isFalse();

        long started = System.nanoTime();
        post().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("title", equalTo("Service unavailable"))
                .body("detail", containsString("nothing was recorded"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        given().when().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"));

        restarted = SpareRedis.startServer(port);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> post().statusCode(202));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP")));
    }
}
