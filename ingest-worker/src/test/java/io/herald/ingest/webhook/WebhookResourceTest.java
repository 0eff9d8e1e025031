package io.herald.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.herald.ingest.support.TestRedis;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookResourceTest {
    private static final String AUTH = "Bearer " + TestEnvironment.TOKEN;

    @Inject
    RedisDataSource redis;

    RedisProbe store;

    @BeforeAll
    static void clearKeys() {
        TestRedis.deleteKeys(TestEnvironment.PREFIX);
    }

    @BeforeEach
    void setUp() {
        store = new RedisProbe(redis);
    }

    private static String body(String check, String status, String id) {
        return "{\"check\":\"" + check + "\",\"status\":\"" + status + "\",\"detail\":\"queue growing\""
                + (id == null ? "" : ",\"id\":\"" + id + "\"") + ",\"latency_ms\":42,\"observed_at\":\"2025-03-01T10:15:30+01:00\"}";
    }

    private List<StreamMessage<String, String, String>> signalsWithId(String id) {
        return store.signals().stream().filter(m -> id.equals(m.payload().get("id"))).toList();
    }

    @Test
    void shouldAcceptASignalAndAppendItToTheStream() {
        String id = "delivery-" + UUID.randomUUID();
        String entryId = given().header("Authorization", AUTH).contentType("application/json")
                .body(body("accept-monitor", "degraded", id))
                .when().post("/ingest/test-monitor")
                .then().statusCode(202)
                .body("accepted", equalTo(true))
                .body("duplicate", equalTo(false))
                .body("signal_id", matchesPattern("\\d+-\\d+"))
                .extract().path("signal_id");

        List<StreamMessage<String, String, String>> entries = signalsWithId(id);
        assertThat(entries).hasSize(1);
        StreamMessage<String, String, String> entry = entries.get(0);
        assertThat(entry.id()).isEqualTo(entryId);
        assertThat(entry.payload())
                .containsEntry("source", "test-monitor")
                .containsEntry("check", "accept-monitor")
                .containsEntry("outcome", "degraded")
                .containsEntry("detail", "queue growing")
                .containsEntry("latency_ms", "42")
                .containsEntry("observed_at", "2025-03-01T09:15:30Z");
    }

    @Test
    void shouldAcknowledgeARepeatedIdWithoutAppendingItAgain() {
        String id = "delivery-" + UUID.randomUUID();
        String first = given().header("Authorization", AUTH).contentType("application/json")
                .body(body("accept-monitor", "up", id))
                .when().post("/ingest/test-monitor")
                .then().statusCode(202).body("duplicate", equalTo(false)).extract().path("signal_id");

        given().header("Authorization", AUTH).contentType("application/json")
                .body(body("accept-monitor", "up", id))
                .when().post("/ingest/test-monitor")
                .then().statusCode(202)
                .body("accepted", equalTo(true))
                .body("duplicate", equalTo(true))
                .body("signal_id", equalTo(first));

        assertThat(signalsWithId(id)).hasSize(1);
        assertThat(redis.key().ttl(store.keys().dedupe("test-monitor", id))).isPositive();
    }

    @Test
    void shouldAppendEveryDeliveryWithoutAnId() {
        long before = store.signals().stream().filter(m -> "accept-monitor".equals(m.payload().get("check"))).count();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", AUTH).contentType("application/json")
                    .body("{\"check\":\"accept-monitor\",\"status\":\"up\"}")
                    .when().post("/ingest/test-monitor")
                    .then().statusCode(202).body("duplicate", equalTo(false));
        }
        long after = store.signals().stream().filter(m -> "accept-monitor".equals(m.payload().get("check"))).count();
        assertThat(after - before).isEqualTo(2);
    }

    @Test
    void shouldRejectAMissingOrWrongTokenOrUnknownSourceAlike() {
        ExtractableResponse<Response> missing = given().contentType("application/json")
                .body(body("accept-monitor", "up", null))
                .when().post("/ingest/test-monitor")
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"))
                .extract();
        ExtractableResponse<Response> wrong = given().header("Authorization", "Bearer not-the-token")
                .contentType("application/json").body(body("accept-monitor", "up", null))
                .when().post("/ingest/test-monitor")
                .then().statusCode(401).extract();
        ExtractableResponse<Response> otherSourcesToken = given()
                .header("Authorization", "Bearer " + TestEnvironment.OTHER_TOKEN)
                .contentType("application/json").body(body("accept-monitor", "up", null))
                .when().post("/ingest/test-monitor")
                .then().statusCode(401).extract();
        ExtractableResponse<Response> unknownSource = given().header("Authorization", AUTH)
                .contentType("application/json").body(body("accept-monitor", "up", null))
                .when().post("/ingest/no-such-source")
                .then().statusCode(401).extract();

        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(wrong.asString()).isEqualTo(missing.asString());
        assertThat(otherSourcesToken.asString()).isEqualTo(missing.asString());
        assertThat(unknownSource.asString()).isEqualTo(missing.asString());
        assertThat(missing.asString()).doesNotContain(TestEnvironment.TOKEN);
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() {
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"check\": \"accept-monitor\", ")
                .when().post("/ingest/test-monitor")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://herald.io/problems/bad-request"))
                .body("title", equalTo("Bad request"))
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void shouldAnswer422NamingAnUnknownCheck() {
        given().header("Authorization", AUTH).contentType("application/json")
                .body(body("no-such-check", "up", null))
                .when().post("/ingest/test-monitor")
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("/check"))
                .body("detail", containsString("no check 'no-such-check'"));
    }

    @Test
    void shouldAnswer422ForACheckOfAnotherSource() {
        given().header("Authorization", AUTH).contentType("application/json")
                .body(body("other-monitor", "up", null))
                .when().post("/ingest/test-monitor")
                .then().statusCode(422)
                .body("field", equalTo("/check"))
                .body("detail", containsString("from source 'other-monitor', not from 'test-monitor'"));
    }

    @Test
    void shouldAnswer422ForAProbedCheck() {
        given().header("Authorization", AUTH).contentType("application/json")
                .body(body("probe-ok-http", "up", null))
                .when().post("/ingest/test-monitor")
                .then().statusCode(422)
                .body("field", equalTo("/check"))
                .body("detail", containsString("http probe"));
    }

    @Test
    void shouldAnswer422ForABadOrMissingStatus() {
        given().header("Authorization", AUTH).contentType("application/json")
                .body(body("accept-monitor", "sideways", null))
                .when().post("/ingest/test-monitor")
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("/status"))
                .body("detail", containsString("got 'sideways'"));
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"check\":\"accept-monitor\"}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(422)
                .body("field", equalTo("/status"))
                .body("detail", containsString("required"));
    }

    @Test
    void shouldAnswer422ForBadOptionalFields() {
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"check\":\"accept-monitor\",\"status\":\"up\",\"latency_ms\":-5}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(422).body("field", equalTo("/latency_ms"));
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"check\":\"accept-monitor\",\"status\":\"up\",\"observed_at\":\"yesterday\"}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(422).body("field", equalTo("/observed_at"));
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimit() {
        String detail = "x".repeat(5000);
        given().header("Authorization", AUTH).contentType("application/json")
                .body("{\"check\":\"accept-monitor\",\"status\":\"up\",\"detail\":\"" + detail + "\"}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("the limit is 4096"));
    }

    @Test
    void shouldAnswer415ForANonJsonBody() {
        given().header("Authorization", AUTH).contentType("text/plain")
                .body("check=accept-monitor status=up")
                .when().post("/ingest/test-monitor")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415))
                .body("detail", containsString("application/json"));
    }

    @Test
    void shouldReportRedisInHealth() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Redis"));
    }

    @Test
    void shouldDescribeTheWebhookInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/ingest/{source}"))
                .body(containsString("WebhookSignal"))
                .body(containsString("\"422\""));
    }
}
