package io.herald.api.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.herald.api.support.DedicatedDatabase;
import io.herald.api.support.EvaluatorWrites;
import io.herald.api.support.LogWatch;
import io.herald.api.support.SseClient;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentStatus;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * PostgreSQL taken away from a running status-api (its own role may no longer log in and its connections are ended):
 * the status is still served and status-api stays ready, every PostgreSQL-backed answer is a 503 problem with
 * Retry-After, nothing is logged as an error, and once PostgreSQL is back the changes made meanwhile are recorded
 * with the times they happened.
 */
@QuarkusTest
@TestProfile(StorageOutageTest.OwnDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageOutageTest {
    private static final String ADMIN = "Bearer test-bootstrap-admin-token";

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    private EvaluatorWrites evaluator;

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DedicatedDatabase.class));
        }
    }

    @BeforeAll
    void cleanRedis() {
        TestStores.deleteRedisKeys();
        evaluator = new EvaluatorWrites(redis);
    }

    @Test
    void shouldServeTheStatusAnswer503ForStoredDataAndRecordTheGapWithItsOwnTimes() throws Exception {
        try (LogWatch log = LogWatch.start()) {
            DedicatedDatabase.cut();
            Instant down;
            Instant up;
            try {
                down = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                String before = evaluator.change("imap", null, ComponentStatus.OPERATIONAL, "", "", down);
                String downId = evaluator.change("smtp", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE,
                        "smtp-monitor", "connection refused", down);
                // The status still comes from memory and Redis.
                await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> given().get("/api/v2/summary.json").then()
                        .statusCode(200).body("components.find { it.id == 'smtp' }.status", equalTo("major_outage")));
                given().get("/api/v1/status").then().statusCode(200);
                // A stream resumed meanwhile replays the changes (Redis) without the incidents (PostgreSQL).
                try (SseClient client = SseClient.open(stream, before)) {
                    assertThat(client.status()).isEqualTo(200);
                    assertThat(client.next(Duration.ofSeconds(3)).id()).isEqualTo(downId);
                }

                for (Map.Entry<String, Function<RequestSpecification, io.restassured.response.Response>> read
                        : storedReads().entrySet()) {
                    read.getValue().apply(given()).then().log().ifValidationFails()
                            .statusCode(503)
                            .contentType("application/problem+json")
                            .header("Retry-After", "3")
                            .body("type", equalTo("https://herald.io/problems/storage-unavailable"))
                            .body("title", equalTo("Storage unavailable"))
                            .body("status", equalTo(503));
                }

                // Ready all along: the storage group says PostgreSQL is down, readiness and health only report it.
                await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> given().get("/q/health/ready").then()
                        .statusCode(200).body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'postgresql' }.data.reachable", equalTo(false)));
                given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                        .body("checks.name", hasItem("postgresql"))
                        .body("checks.find { it.name == 'postgresql' }.status", equalTo("UP"));
                given().get("/q/health/group/storage").then().statusCode(503).body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'postgresql' }.data.reachable", equalTo(false));

                up = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                evaluator.change("smtp", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "", up);
            } finally {
                DedicatedDatabase.restore();
            }

            // The consumer catches up; the automatic incident tells when the outage began and ended, not when it
            // was recorded.
            await().atMost(Duration.ofSeconds(10)).until(() -> DedicatedDatabase.count(
                    "SELECT count(*) FROM herald_api_test.status_change WHERE component_id = 'smtp'") == 2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/incidents").then()
                    .statusCode(200).body("incidents[0].status", equalTo("resolved")));
            JsonPath incident = given().get("/api/v1/incidents").then().extract().jsonPath();
            assertThat(time(incident.getString("incidents[0].created_at"))).isEqualTo(down);
            assertThat(time(incident.getString("incidents[0].started_at"))).isEqualTo(down);
            assertThat(time(incident.getString("incidents[0].resolved_at"))).isEqualTo(up);
            List<String> updates = incident.getList("incidents[0].incident_updates.created_at");
            assertThat(updates.stream().map(StorageOutageTest::time)).containsExactly(up, down);
            assertThat(DedicatedDatabase.string("SELECT min(recorded_at) > max(changed_at) FROM "
                    + "herald_api_test.status_change")).as("recorded after both happened").isEqualTo("t");

            given().get("/q/health/group/storage").then().statusCode(200).body("status", equalTo("UP"));
            // A query left waiting on the pool would fail again once its acquire timeout (1 s here) passed.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4))
                    .until(() -> unexpected(log).isEmpty());
            assertThat(unexpected(log)).isEmpty();
        }
    }

    /**
     * The errors logged that the cut does not explain. Hibernate Reactive logs, at ERROR and by itself, a transaction
     * it could not start or roll back on a connection the cut ended under it (the history consumer then retries);
     * anything else (an uncaught exception, a request answered 500) is a defect.
     */
    private static List<String> unexpected(LogWatch log) {
        return log.errors().stream().filter(e -> !(e.startsWith("org.hibernate.reactive.pool.impl.SqlClientConnection")
                && (e.contains("connection may have been lost") || e.contains("Connection is not active")))).toList();
    }

    private static Map<String, Function<RequestSpecification, io.restassured.response.Response>> storedReads() {
        return Map.ofEntries(
                Map.entry("incidents", r -> r.get("/api/v1/incidents")),
                Map.entry("incident", r -> r.get("/api/v1/incidents/1")),
                Map.entry("maintenances", r -> r.get("/api/v1/maintenances")),
                Map.entry("history", r -> r.get("/api/v1/components/smtp/history")),
                Map.entry("uptime", r -> r.get("/api/v1/components/smtp/uptime?window=24h")),
                Map.entry("bars", r -> r.get("/api/v1/uptime/days?days=3")),
                Map.entry("latency", r -> r.get("/api/v1/checks/smtp-monitor/latency")),
                Map.entry("admin", r -> r.header("Authorization", ADMIN).get("/api/v1/admin/tokens")),
                Map.entry("admin write", r -> r.header("Authorization", ADMIN).contentType(ContentType.JSON)
                        .body(Map.of("name", "x", "status", "investigating", "body", "b")).post("/api/v1/admin/incidents")),
                Map.entry("sign-in", r -> r.contentType(ContentType.JSON)
                        .body(Map.of("username", "root-operator", "password", "bootstrap operator password"))
                        .post("/api/v1/auth/sessions")),
                Map.entry("subscribe", r -> r.contentType(ContentType.JSON)
                        .body(Map.of("kind", "webhook", "url", "http://127.0.0.1:1/hook")).post("/api/v1/subscribers")));
    }

    private static Instant time(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
