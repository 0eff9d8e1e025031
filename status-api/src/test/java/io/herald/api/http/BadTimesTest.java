package io.herald.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.api.admin.TokenHash;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Months, dates and times outside 1970 to 9999 are bad input (400 naming the field), never a 500. */
@QuarkusTest
class BadTimesTest extends IsolatedTest {

    @Test
    void shouldAnswerBadMonthForAMonthOutOfRange() {
        for (String month : List.of("%2B999999999-12", "%2B10000-01", "1969-12", "-0001-01", "2026-13", "soon")) {
            given().urlEncodingEnabled(false).get("/api/v1/incidents?month=" + month).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://herald.io/problems/bad-month"))
                    .body("field", equalTo("month"))
                    .body("detail", containsString("from 1970 to 9999"));
        }
        for (String month : List.of("1970-01", "9999-12", "2026-11")) {
            given().get("/api/v1/incidents?month=" + month).then().statusCode(200);
        }
    }

    @Test
    void shouldAnswerBadFromOrToForAHistoryBoundOutOfRange() {
        for (String field : List.of("from", "to")) {
            for (String value : List.of("%2B999999999-12-31T00:00:00Z", "1969-12-31", "0001-01-01T00:00:00Z")) {
                given().urlEncodingEnabled(false).get("/api/v1/components/smtp/history?" + field + "=" + value)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://herald.io/problems/bad-" + field))
                        .body("field", equalTo(field));
            }
        }
        given().get("/api/v1/components/smtp/history?from=1970-01-01&to=9999-12-31").then().statusCode(200);
    }

    @Test
    void shouldRefuseABodyTimeOutOfRangeAsAnInvalidField() {
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".api_token (name, scopes, secret_sha256, created_at) "
                + "VALUES ('bad-times', 'admin', '" + TokenHash.sha256Hex("bad-times-token") + "', now())");
        given().header("Authorization", "Bearer bad-times-token").contentType(ContentType.JSON)
                .body(Map.of("name", "Far away", "scheduled_for", "+999999999-12-31T00:00:00Z",
                        "scheduled_until", "+999999999-12-31T01:00:00Z", "components", List.of("smtp")))
                .post("/api/v1/admin/maintenances").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://herald.io/problems/invalid-field"))
                .body("field", equalTo("scheduled_for"));
    }
}
