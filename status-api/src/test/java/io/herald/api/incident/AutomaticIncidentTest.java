package io.herald.api.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AutomaticIncidentTest extends IsolatedTest {

    @BeforeEach
    void emptyIncidents() {
        cleanSlate();
    }

    @Test
    void shouldOpenUpdateAndResolveAnAutomaticIncidentFromTheChangesStream() {
        evaluator.change("smtp", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE, "smtp-monitor",
                "connection refused on port 587");

        await().atMost(Duration.ofSeconds(5)).until(() -> openIncidents() == 1);
        JsonPath opened = given().get("/api/v1/incidents").then().statusCode(200)
                .body("incidents", hasSize(1)).extract().jsonPath();
        assertThat(opened.getString("incidents[0].name")).isEqualTo("SMTP submission: some users cannot connect");
        assertThat(opened.getString("incidents[0].impact")).isEqualTo("major");
        assertThat(opened.getString("incidents[0].status")).isEqualTo("investigating");
        assertThat(opened.getBoolean("incidents[0].automatic")).isTrue();
        assertThat(opened.getBoolean("incidents[0].taken_over")).isFalse();
        assertThat(opened.getString("incidents[0].incident_updates[0].body"))
                .contains("SMTP submission").contains("smtp-monitor").contains("connection refused on port 587");
        assertThat(opened.getString("incidents[0].incident_updates[0].affected_components[0].new_status"))
                .isEqualTo("partial_outage");
        assertThat(opened.getString("incidents[0].components[0].id")).isEqualTo("smtp");
        String id = opened.getString("incidents[0].id");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/api/v2/summary.json").then()
                .body("incidents", hasSize(1))
                .body("incidents[0].id", equalTo(id))
                .body("status.indicator", equalTo("major")));
        given().queryParam("days", 2).get("/api/v1/uptime/days").then().statusCode(200)
                .body("components.find { it.id == 'smtp' }.incidents[0].id", equalTo(id))
                .body("components.find { it.id == 'smtp' }.incidents[0].impact", equalTo("major"))
                .body("components.find { it.id == 'smtp' }.incidents[0].first_day", equalTo(1))
                .body("components.find { it.id == 'smtp' }.incidents[0].last_day", equalTo(1));
        given().get("/api/v2/incidents/unresolved.json").then().statusCode(200).body("incidents", hasSize(1))
                .body("incidents[0].automatic", org.hamcrest.Matchers.nullValue());

        evaluator.change("smtp", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.MAJOR_OUTAGE, "smtp-monitor",
                "connection refused everywhere");
        await().atMost(Duration.ofSeconds(5)).until(() -> updatesOf(id) == 2);
        assertThat(openIncidents()).as("the same component attaches to the open incident").isEqualTo(1);
        given().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("incident_updates", hasSize(2))
                .body("incident_updates[0].affected_components[0].old_status", equalTo("partial_outage"))
                .body("incident_updates[0].affected_components[0].new_status", equalTo("major_outage"));

        evaluator.change("smtp", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
        await().atMost(Duration.ofSeconds(5)).until(() -> openIncidents() == 0);
        given().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("status", equalTo("resolved"))
                .body("incident_updates", hasSize(3))
                .body("incident_updates[0].status", equalTo("resolved"))
                .body("incident_updates[0].body", containsString("All affected components are operational again"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/api/v2/summary.json").then()
                .body("incidents", hasSize(0))
                .body("status.indicator", equalTo("none")));
        given().get("/api/v2/incidents.json").then().statusCode(200).body("incidents", hasSize(1))
                .body("incidents[0].status", equalTo("resolved"));
    }

    @Test
    void shouldOnlyAppendFactsToAnIncidentAnOperatorTookOver() {
        evaluator.change("imap", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "imap-monitor", "down");
        await().atMost(Duration.ofSeconds(5)).until(() -> openIncidents() == 1);
        TestStores.sql("UPDATE " + TestStores.SCHEMA + ".incident SET taken_over = TRUE, name = 'Mail provider change'");

        evaluator.change("imap", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
        await().atMost(Duration.ofSeconds(5)).until(() -> TestStores.count("SELECT count(*) FROM "
                + TestStores.SCHEMA + ".incident_update") == 2);

        assertThat(openIncidents()).as("left for the operator to resolve").isEqualTo(1);
        assertThat(TestStores.string("SELECT name FROM " + TestStores.SCHEMA + ".incident"))
                .isEqualTo("Mail provider change");
        assertThat(TestStores.string("SELECT body FROM " + TestStores.SCHEMA
                + ".incident_update ORDER BY id DESC LIMIT 1")).contains("All affected components are operational again");
    }

    @Test
    void shouldMakeAMajorOutageOfACriticalComponentCritical() {
        evaluator.change("webmail", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "webmail-monitor",
                "HTTP 503");
        await().atMost(Duration.ofSeconds(5)).until(() -> openIncidents() == 1);
        assertThat(TestStores.string("SELECT impact FROM " + TestStores.SCHEMA + ".incident")).isEqualTo("critical");
        assertThat(TestStores.string("SELECT name FROM " + TestStores.SCHEMA + ".incident"))
                .isEqualTo("Webmail is unavailable");
        evaluator.change("webmail", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
        await().atMost(Duration.ofSeconds(5)).until(() -> openIncidents() == 0);
    }

    @Test
    void shouldOpenNoIncidentForDegradedPerformance() {
        evaluator.change("intranet", ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE,
                "intranet-monitor", "slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> TestStores.count("SELECT count(*) FROM "
                + TestStores.SCHEMA + ".status_change WHERE component_id = 'intranet'") >= 1);
        // the incident would be opened in the transaction that stored the change; the window covers a later one
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> openIncidents() == 0);
    }

    private static long openIncidents() {
        return TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA
                + ".incident WHERE kind = 'incident' AND resolved_at IS NULL");
    }

    private static long updatesOf(String id) {
        return TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".incident_update WHERE incident_id = "
                + id);
    }
}
