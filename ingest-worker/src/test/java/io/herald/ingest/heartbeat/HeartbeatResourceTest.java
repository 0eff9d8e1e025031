package io.herald.ingest.heartbeat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Beats over HTTP into the real signals stream: what is recorded, who may beat, and what is refused. */
@QuarkusTest
class HeartbeatResourceTest {
    private static final String OWN = "Bearer " + TestEnvironment.BACKUP_TOKEN;
    private static final String SOURCE = "Bearer " + TestEnvironment.TOKEN;

    @Inject
    RedisDataSource redis;

    RedisProbe store;

    @BeforeEach
    void setUp() {
        store = new RedisProbe(redis);
    }

    private List<Map<String, String>> signalsOf(String check) {
        return store.signals().stream().map(StreamMessage::payload).filter(p -> check.equals(p.get("check"))).toList();
    }

    @Test
    void shouldRecordEachBeatAsOneSignalObservedNow() {
        int before = signalsOf("backup-heartbeat").size();
        Instant start = Instant.now();

        String entry = given().header("Authorization", OWN)
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(202).contentType("application/json")
                .body("check", equalTo("backup-heartbeat"))
                .body("outcome", equalTo("up"))
                .body("accepted_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("signal_id", matchesPattern("\\d+-\\d+"))
                .extract().path("signal_id");
        given().header("Authorization", OWN)
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(202);

        List<Map<String, String>> signals = signalsOf("backup-heartbeat");
        assertThat(signals).hasSize(before + 2);
        Map<String, String> first = signals.get(before);
        assertThat(first).containsEntry("source", "heartbeat").containsEntry("outcome", "up")
                .containsEntry("detail", "Heartbeat received").doesNotContainKey("location");
        assertThat(Instant.parse(first.get("observed_at"))).isBetween(start, Instant.now());
        assertThat(first.get("id")).isNotEqualTo(signals.get(before + 1).get("id"));
        assertThat(store.signals().stream().filter(m -> m.id().equals(entry))).hasSize(1);
    }

    @Test
    void shouldRecordADownBeatWithTheJobsWords() {
        given().header("Authorization", OWN).queryParam("status", "DOWN").queryParam("msg", "disk full on /backup")
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(202).body("outcome", equalTo("down"));
        assertThat(last("backup-heartbeat")).containsEntry("outcome", "down")
                .containsEntry("detail", "disk full on /backup");

        given().header("Authorization", OWN).contentType("text/plain").body("copied 42 GB\nin 7 min\n")
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(202).body("outcome", equalTo("up"));
        assertThat(last("backup-heartbeat")).containsEntry("outcome", "up")
                .containsEntry("detail", "copied 42 GB\nin 7 min");

        // curl -d sends its data as a form; a beat takes it as words all the same.
        given().header("Authorization", OWN).contentType("application/x-www-form-urlencoded").body("nightly run ok")
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(202);
        assertThat(last("backup-heartbeat")).containsEntry("detail", "nightly run ok");
    }

    @Test
    void shouldAcceptTheNamedSourcesTokenForACheckThatNamesASource() {
        given().header("Authorization", SOURCE)
                .when().post("/ingest/heartbeat/sync-heartbeat")
                .then().statusCode(202).body("check", equalTo("sync-heartbeat"));
        assertThat(last("sync-heartbeat")).containsEntry("source", "heartbeat");
    }

    @Test
    void shouldRefuseEveryOtherTokenAlikeAndRecordNothing() {
        int backup = signalsOf("backup-heartbeat").size();
        int sync = signalsOf("sync-heartbeat").size();
        Map<String, String[]> refused = Map.of(
                "no Authorization", new String[] {"backup-heartbeat", null},
                "a wrong token", new String[] {"backup-heartbeat", "Bearer not-the-token"},
                "a source's token on a check with its own", new String[] {"backup-heartbeat", SOURCE},
                "the own token as Basic", new String[] {"backup-heartbeat", "Basic " + TestEnvironment.BACKUP_TOKEN},
                "another check's own token", new String[] {"sync-heartbeat", OWN},
                "another source's token", new String[] {"sync-heartbeat", "Bearer " + TestEnvironment.OTHER_TOKEN});
        String first = null;
        for (Map.Entry<String, String[]> c : refused.entrySet()) {
            var request = given();
            if (c.getValue()[1] != null) {
                request = request.header("Authorization", c.getValue()[1]);
            }
            ExtractableResponse<Response> answer = request.when().post("/ingest/heartbeat/" + c.getValue()[0])
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"herald-ingest\"")
                    .body("type", equalTo("https://herald.io/problems/unauthorized"))
                    .extract();
            assertThat(answer.asString()).as(c.getKey()).doesNotContain(TestEnvironment.BACKUP_TOKEN)
                    .doesNotContain(TestEnvironment.TOKEN);
            first = first == null ? answer.asString() : first;
            assertThat(answer.asString()).as(c.getKey()).isEqualTo(first);
        }
        assertThat(signalsOf("backup-heartbeat")).hasSize(backup);
        assertThat(signalsOf("sync-heartbeat")).hasSize(sync);
    }

    @Test
    void shouldAnswer404ForAnUnknownCheckAnd409ForOneThatIsNotAHeartbeat() {
        given().header("Authorization", OWN)
                .when().post("/ingest/heartbeat/no-such-job")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no check 'no-such-job' in the catalog."));
        given().header("Authorization", SOURCE)
                .when().post("/ingest/heartbeat/accept-monitor")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://herald.io/problems/conflict"))
                .body("detail", equalTo("Check 'accept-monitor' is a webhook check; it takes signals from POST "
                        + "/ingest/test-monitor, not a heartbeat; only a check of type heartbeat takes beats."));
        given().header("Authorization", OWN)
                .when().post("/ingest/heartbeat/probe-ok-http")
                .then().statusCode(409)
                .body("detail", containsString("is a http check run by Herald itself, not a heartbeat"));
        assertThat(signalsOf("no-such-job")).isEmpty();
    }

    @Test
    void shouldRefuseWhatABeatCannotSayAndRecordNothing() {
        int before = signalsOf("backup-heartbeat").size();
        given().header("Authorization", OWN).queryParam("status", " down")
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://herald.io/problems/bad-status"))
                .body("field", equalTo("status"))
                .body("detail", equalTo("status ' down' has spaces around it; send one of 'up' or 'down'"));
        given().header("Authorization", OWN).queryParam("status", "sideways")
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(400).body("field", equalTo("status"));
        given().header("Authorization", OWN).queryParam("msg", "ok\u0000")
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(400).body("type", equalTo("https://herald.io/problems/bad-msg"))
                .body("field", equalTo("msg")).body("detail", containsString("control character U+0000"));
        given().header("Authorization", OWN).contentType("text/plain").body("ok\u0000")
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("The body 'ok\\u0000' contains the control character U+0000"));
        given().header("Authorization", OWN).contentType("text/plain").body("x".repeat(201))
                .when().post("/ingest/heartbeat/backup-heartbeat")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("The body has 201 bytes; a heartbeat's detail may have at most 200."));
        assertThat(signalsOf("backup-heartbeat")).hasSize(before);
    }

    @Test
    void shouldDescribeTheEndpointInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/ingest/heartbeat/{check}"))
                .body(containsString("HeartbeatAccepted"))
                .body(containsString("heartbeatToken"));
    }

    private Map<String, String> last(String check) {
        List<Map<String, String>> signals = signalsOf(check);
        assertThat(signals).isNotEmpty();
        return signals.get(signals.size() - 1);
    }
}
