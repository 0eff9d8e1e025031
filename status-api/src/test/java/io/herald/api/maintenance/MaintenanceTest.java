package io.herald.api.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.herald.api.admin.TokenHash;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentStatus;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MaintenanceTest extends IsolatedTest {
    private static final String TOKEN = "maintenance-test-token";

    @BeforeEach
    void token() {
        cleanSlate();
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".api_token (name, scopes, secret_sha256, created_at) "
                + "VALUES ('ops', 'maintenance:write', '" + TokenHash.sha256Hex(TOKEN) + "', now())");
    }

    private String schedule(OffsetDateTime from, OffsetDateTime until, String component) {
        return given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .body(Map.of("name", "Mail upgrade", "body", "Mail may pause.", "scheduled_for", from.toString(),
                        "scheduled_until", until.toString(), "components", List.of(component)))
                .post("/api/v1/admin/maintenances").then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldMoveScheduledInProgressVerifyingCompletedOnTimeByItself() {
        OffsetDateTime now = OffsetDateTime.now();
        String id = schedule(now.plusSeconds(2), now.plusSeconds(4), "imap");

        await().atMost(Duration.ofSeconds(6)).until(() -> status(id).equals("in_progress"));
        given().get("/api/v2/components.json").then()
                .body("components.find { it.id == 'imap' }.status", equalTo("under_maintenance"));
        given().get("/api/v2/summary.json").then().body("scheduled_maintenances", hasSize(1))
                .body("status.description", equalTo("Service Under Maintenance"));
        await().atMost(Duration.ofSeconds(6)).until(() -> status(id).equals("verifying"));
        await().atMost(Duration.ofSeconds(6)).until(() -> status(id).equals("completed"));
        given().get("/api/v1/maintenances/" + id).then().statusCode(200)
                .body("incident_updates", hasSize(4))
                .body("incident_updates[0].status", equalTo("completed"))
                .body("incident_updates[3].status", equalTo("scheduled"));
        given().queryParam("status", "completed").get("/api/v1/maintenances").then()
                .body("scheduled_maintenances", hasSize(1));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> given().get("/api/v2/components.json").then()
                .body("components.find { it.id == 'imap' }.status", equalTo("operational")));
    }

    @Test
    void shouldCountEveryChangeAsARevisionAndTellACancellationFromACompletion() {
        OffsetDateTime now = OffsetDateTime.now();
        String id = schedule(now.plusDays(2), now.plusDays(2).plusHours(2), "imap");
        given().get("/api/v1/maintenances/" + id).then().statusCode(200).body("revision", equalTo(0))
                .body("containsKey('cancelled_at')", equalTo(false));
        // moving the window alone (no words posted) is a change a calendar must see
        given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .body(Map.of("scheduled_for", now.plusDays(3).toString(),
                        "scheduled_until", now.plusDays(3).plusHours(2).toString()))
                .patch("/api/v1/admin/maintenances/" + id).then().statusCode(200).body("revision", equalTo(1));
        given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .post("/api/v1/admin/maintenances/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("completed")).body("revision", equalTo(2));
        String cancelledAt = given().get("/api/v1/maintenances/" + id).then().statusCode(200)
                .body("revision", equalTo(2)).extract().path("cancelled_at");
        assertThat(cancelledAt).isNotBlank();
        // Herald's own fields stay out of the Statuspage v2 body
        given().get("/api/v2/scheduled-maintenances.json").then().statusCode(200)
                .body("scheduled_maintenances[0].containsKey('revision')", equalTo(false))
                .body("scheduled_maintenances[0].containsKey('cancelled_at')", equalTo(false));
    }

    @Test
    void shouldOpenNoAutomaticIncidentForAnOutageInsideAMaintenanceWindowAndCountItApart() {
        OffsetDateTime now = OffsetDateTime.now();
        String id = schedule(now.minusMinutes(1), now.plusHours(1), "smtp");
        await().atMost(Duration.ofSeconds(5)).until(() -> status(id).equals("in_progress"));

        evaluator.change("smtp", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "smtp-monitor",
                "stopped for the upgrade", now.toInstant().minusSeconds(30));
        await().atMost(Duration.ofSeconds(5)).until(() -> TestStores.count("SELECT count(*) FROM "
                + TestStores.SCHEMA + ".status_change WHERE component_id = 'smtp'") == 1);

        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".incident WHERE kind = 'incident'"))
                .isZero();
        given().get("/api/v2/components.json").then()
                .body("components.find { it.id == 'smtp' }.status", equalTo("under_maintenance"));
        int down = given().queryParam("window", "24h").get("/api/v1/components/smtp/uptime").then().statusCode(200)
                .extract().path("seconds.major_outage");
        int maintenance = given().queryParam("window", "24h").get("/api/v1/components/smtp/uptime").then()
                .extract().path("seconds.under_maintenance");
        assertThat(down).isZero();
        assertThat(maintenance).isGreaterThanOrEqualTo(29);
    }

    private static String status(String id) {
        return given().get("/api/v1/maintenances/" + id).then().statusCode(200).extract().path("status");
    }
}
