package io.herald.web.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.web.support.NoStatusApiProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(NoStatusApiProfile.class)
class StatusNotYetAvailableTest {

    @Test
    void shouldAnswer503WithARefreshingPageBeforeStatusApiEverAnswered() {
        given().get("/").then().statusCode(503)
                .contentType(containsString("text/html"))
                .header("Retry-After", "30")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("The status is not available yet"))
                .body(containsString("<meta http-equiv=\"refresh\" content=\"30\">"));
    }

    @Test
    void shouldNotBeReadyWithoutAView() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'status-view' }.status", equalTo("DOWN"));
    }
}
