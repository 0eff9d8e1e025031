package io.herald.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.herald.api.support.IsolatedTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest extends IsolatedTest {

    @Test
    void shouldBeReadyWithRedisDatabaseAndSnapshotChecks() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("status-snapshot"))
                .body("checks.find { it.name == 'status-snapshot' }.data.loaded", equalTo(true))
                .body("checks.name.findAll { it.toLowerCase().contains('redis') }.size()", equalTo(1))
                .body("checks.name.findAll { it.toLowerCase().contains('database') }.size()", equalTo(1));
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
