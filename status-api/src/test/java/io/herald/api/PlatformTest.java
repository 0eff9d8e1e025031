package io.herald.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.herald.api.support.IsolatedTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest extends IsolatedTest {

    @Test
    void shouldBeReadyOnTheSnapshotAndReportPostgresAndTheLiveChannelInTheirGroups() {
        // Readiness is the snapshot; PostgreSQL is only reported there (it does not decide readiness).
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("status-snapshot", "postgresql"))
                .body("checks.find { it.name == 'status-snapshot' }.data.loaded", equalTo(true))
                .body("checks.find { it.name == 'status-snapshot' }.data.live-subscription", equalTo(true))
                .body("checks.find { it.name == 'postgresql' }.data.reachable", equalTo(true))
                .body("checks.find { it.name == 'postgresql' }.data.required-for-readiness", equalTo(false));
        given().get("/q/health").then().statusCode(200).body("checks.name", hasItems("status-snapshot", "postgresql"));
        given().get("/q/health/group/storage").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'postgresql' }.data.reachable", equalTo(true));
        given().get("/q/health/group/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", containsInAnyOrder("live-channel"));
    }

    @Test
    void shouldDescribeEveryEndpointInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v2/summary.json", "/api/v2/status.json",
                        "/api/v2/components.json", "/api/v1/status", "/api/v1/stream",
                        "/api/v1/components/{id}/history"))
                .body("paths.'/api/v1/components/{id}/history'.get.responses.keySet()", hasItems("200", "400", "404"));
    }

    @Test
    void shouldDescribeTheWave2EndpointsWithTheirErrorsAndServeSwaggerUi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
                        "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
                        "/api/v2/scheduled-maintenances/active.json", "/api/v1/incidents", "/api/v1/incidents/{id}",
                        "/api/v1/maintenances", "/api/v1/maintenances/{id}", "/api/v1/uptime/days",
                        "/api/v1/components/{id}/uptime", "/api/v1/checks/{id}/latency", "/api/v1/auth/sessions",
                        "/api/v1/auth/sessions/current", "/api/v1/admin/incidents", "/api/v1/admin/incidents/{id}",
                        "/api/v1/admin/incidents/{id}/updates", "/api/v1/admin/incidents/{id}/resolve",
                        "/api/v1/admin/incident-templates", "/api/v1/admin/incident-templates/{id}",
                        "/api/v1/admin/maintenances", "/api/v1/admin/maintenances/{id}",
                        "/api/v1/admin/maintenances/{id}/cancel", "/api/v1/admin/components/{id}/override",
                        "/api/v1/admin/tokens", "/api/v1/admin/tokens/{id}", "/api/v1/admin/audit",
                        "/api/v1/admin/users", "/api/v1/admin/users/{id}"))
                .body("paths.'/api/v1/admin/incidents/{id}/resolve'.post.responses.keySet()",
                        hasItems("200", "401", "403", "404", "409"))
                .body("components.securitySchemes.keySet()", hasItems("bearer"))
                .body("components.schemas.IncidentBody.properties.name.examples[0]",
                        org.hamcrest.Matchers.equalTo("ActiveSync: some users cannot connect"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        given().get("/api/v2/nothing-here.json").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", containsString("/q/openapi"));
    }

    @Test
    void shouldAnswerAWrongMethodWithAProblem() {
        given().post("/api/v2/summary.json").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }
}
