package io.herald.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies that a loose reader would take for "imap-monitor is down": a status with a space before it, a status or a
 * check id with a NUL after it. Each is refused, and none reaches the signals stream (where it would open an incident).
 */
@QuarkusTest
class StrictBodyTest {
    private static final String AUTH = "Bearer " + TestEnvironment.TOKEN;

    @Inject
    RedisDataSource redis;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"check\":\"imap-monitor\",\"status\":\" down\"}       | /status | status ' down' has spaces around it; send one of 'up', 'degraded' or 'down'",
            "{\"check\":\"imap-monitor\",\"status\":\"down\\u0000\"} | /status | status 'down\\u0000' contains the control character U+0000; ids, names and status words cannot contain control characters",
            "{\"check\":\"imap-monitor\\u0000\",\"status\":\"down\"} | /check  | check 'imap-monitor\\u0000' contains the control character U+0000; ids, names and status words cannot contain control characters"})
    void shouldRefuseALooselyWrittenBodyAndRecordNothing(String body, String field, String detail) {
        long before = signalsOfImapMonitor();
        given().header("Authorization", AUTH).contentType("application/json").body(body)
                .when().post("/ingest/test-monitor")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://herald.io/problems/unprocessable-content"))
                .body("field", equalTo(field))
                .body("detail", equalTo(detail));

        assertThat(signalsOfImapMonitor()).isEqualTo(before);
    }

    @Test
    void shouldStillAcceptTheSameReportWrittenExactly() {
        long before = signalsOfImapMonitor();
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"check\":\"imap-monitor\",\"status\":\"UP\",\"detail\":\"line one\\nline two\\tindented\"}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(202);

        assertThat(signalsOfImapMonitor()).isEqualTo(before + 1);
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"check\":\"imap-monitor\",\"status\":\"up\"}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(202);
        assertThat(signalsOfImapMonitor()).isEqualTo(before + 2);
    }

    private long signalsOfImapMonitor() {
        return new RedisProbe(redis).signals().stream()
                .filter(m -> m.payload().get("check").startsWith("imap-monitor")).count();
    }
}
