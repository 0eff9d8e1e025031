package io.herald.api.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.herald.api.support.IsolatedTest;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveStatusTest extends IsolatedTest {

    @Test
    @Order(1)
    void shouldMarkComponentsWithoutStateAsNotEvaluated() {
        JsonPath body = given().get("/api/v1/status").then().statusCode(200).extract().jsonPath();

        assertThat(body.getMap("").keySet()).containsExactlyInAnyOrder("page", "status", "services", "incidents",
                "maintenances", "last_event_id", "live");
        assertThat(body.getMap("live")).containsEntry("paused", false).containsEntry("words", "");
        assertThat(body.getList("incidents")).isEmpty();
        assertThat(body.getList("maintenances")).isEmpty();
        assertThat(body.getMap("page").keySet())
                .containsExactlyInAnyOrder("id", "name", "url", "time_zone", "updated_at");
        assertThat(body.getList("services.id")).containsExactly("mail", "web");
        Map<String, Object> imap = component(body, "imap");
        assertThat(imap.keySet()).containsExactlyInAnyOrder("id", "name", "description", "status", "status_words",
                "since", "updated_at", "cause", "detail", "evaluated", "stale", "stale_detail");
        assertThat(imap).containsEntry("status", "operational").containsEntry("status_words", "Operational")
                .containsEntry("evaluated", false).containsEntry("stale", false).containsEntry("since", null)
                .containsEntry("cause", null);
    }

    @Test
    @Order(2)
    void shouldShowAnEvaluatorChangeInSummaryWithinASecond() {
        String id = evaluator.change("imap", null, ComponentStatus.PARTIAL_OUTAGE, "imap-monitor",
                "IMAP answers 1 login in 3");

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> given()
                .get("/api/v2/summary.json").then().statusCode(200)
                .body("components.find { it.id == 'imap' }.status", equalTo("partial_outage"))
                .body("components.find { it.id == 'mail' }.status", equalTo("partial_outage"))
                .body("components.find { it.id == 'web' }.status", equalTo("operational"))
                .body("status.indicator", equalTo("major"))
                .body("status.description", equalTo("Partial System Outage")));

        JsonPath v1 = given().get("/api/v1/status").then().statusCode(200).extract().jsonPath();
        assertThat(v1.getString("last_event_id")).isEqualTo(id);
        Map<String, Object> imap = component(v1, "imap");
        assertThat(imap).containsEntry("status", "partial_outage").containsEntry("status_words", "Partial outage")
                .containsEntry("cause", "imap-monitor").containsEntry("detail", "IMAP answers 1 login in 3")
                .containsEntry("evaluated", true);
        assertThat((String) imap.get("since")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0[12]:00");
        assertThat(v1.getString("services.find { it.id == 'mail' }.status_words")).isEqualTo("Partial outage");
        // The page changed when imap did, or later if the automatic incident that outage opens is already shown.
        java.time.OffsetDateTime pageUpdated = java.time.OffsetDateTime.parse(v1.getString("page.updated_at"));
        assertThat(pageUpdated).isAfterOrEqualTo(java.time.OffsetDateTime.parse((String) imap.get("since")));
        List<String> incidentsUpdated = v1.getList("incidents.updated_at");
        String latest = incidentsUpdated.stream().max(java.util.Comparator.comparing(java.time.OffsetDateTime::parse))
                .filter(t -> java.time.OffsetDateTime.parse(t).isAfter(
                        java.time.OffsetDateTime.parse((String) imap.get("since"))))
                .orElse((String) imap.get("since"));
        assertThat(v1.getString("page.updated_at")).isEqualTo(latest);
    }

    @Test
    @Order(3)
    void shouldMakeThePageCriticalWhenACriticalComponentIsDown() {
        evaluator.change("webmail", null, ComponentStatus.MAJOR_OUTAGE, "webmail-monitor", "HTTP 503");

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> given()
                .get("/api/v2/status.json").then().statusCode(200)
                .body("status.indicator", equalTo("critical"))
                .body("status.description", equalTo("Major System Outage")));
    }

    @Test
    @Order(4)
    void shouldAnswerIfNoneMatchWith304UntilTheStatusChanges() {
        // The outages above opened automatic incidents; let them land before comparing tags.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/api/v2/summary.json").then()
                .body("incidents.size()", equalTo(2)));
        for (String path : List.of("/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
                "/api/v1/status")) {
            String etag = given().get(path).then().statusCode(200)
                    .header("Cache-Control", "public, max-age=5")
                    .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{27}\""))
                    .extract().header("ETag");

            given().header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", "public, max-age=5").body(emptyString());
            given().header("If-None-Match", "\"other\", W/" + etag).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200)
                    .contentType("application/json");
            // The hot GET routes leave every other method to the resources: HEAD answers, POST is a 405 problem.
            given().head(path).then().statusCode(200).header("ETag", etag);
            given().post(path).then().statusCode(405).contentType("application/problem+json");
        }
        String before = given().get("/api/v2/summary.json").then().extract().header("ETag");

        evaluator.change("webmail", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> given()
                .header("If-None-Match", before).get("/api/v2/summary.json").then().statusCode(200)
                .body("components.find { it.id == 'webmail' }.status", equalTo("operational")));
    }

    @Test
    @Order(5)
    void shouldPickUpAStateWrittenWithoutNoticeOnResync() {
        // A state written to the hash whose live notice was lost: the periodic re-read is the safety net.
        redis.hash(String.class).hset(evaluator.keys().currentStatus(), "intranet", HeraldJson.write(
                new ComponentState("intranet", ComponentStatus.UNDER_MAINTENANCE, Instant.now(), "", "")));

        feed.resync().await().atMost(Duration.ofSeconds(5));

        given().get("/api/v1/status").then().statusCode(200)
                .body("services.find { it.id == 'web' }.components[0].status", equalTo("under_maintenance"))
                .body("services.find { it.id == 'web' }.components[0].evaluated", equalTo(true));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(JsonPath v1, String id) {
        List<Map<String, Object>> services = v1.getList("services");
        return services.stream()
                .flatMap(s -> ((List<Map<String, Object>>) s.get("components")).stream())
                .filter(c -> id.equals(c.get("id")))
                .findFirst().orElseThrow();
    }
}
