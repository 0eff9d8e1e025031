package io.herald.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A monitor's own name for a check, written the natural way in the catalog ({@code subjects: ["Outlook on the web",
 * "OWA down"]}), maps its deliveries through the real endpoint; the deprecated property form still maps too.
 */
@QuarkusTest
class CatalogSubjectsTest {

    @Inject
    RedisDataSource redis;

    RedisProbe store;

    @BeforeEach
    void setUp() {
        store = new RedisProbe(redis);
    }

    @Test
    void shouldMapAnUptimeKumaMonitorNamedWithSpacesToTheCheckThatListsIt() {
        byte[] down = kuma("firing", "Outlook on the web");

        given().header("Authorization", "Bearer " + TestEnvironment.SENDER_TOKEN).contentType("application/json")
                .body(down).when().post("/ingest/kuma").then().statusCode(202)
                .body("signals.subject", contains("Outlook on the web"))
                .body("signals.check", contains("outlook-web-kuma"))
                .body("signals[0].outcome", equalTo("down"))
                .body("ignored", empty());

        assertThat(signalsOf("outlook-web-kuma")).anySatisfy(signal -> assertThat(signal)
                .containsEntry("source", "kuma").containsEntry("outcome", "down")
                .hasEntrySatisfying("detail", detail -> assertThat(detail).startsWith("Uptime Kuma: Outlook on the web down")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(store.current("sender-kuma-owa"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.MAJOR_OUTAGE));
    }

    @Test
    void shouldMapTheChecksOtherSubjectToo() {
        given().header("Authorization", "Bearer " + TestEnvironment.SENDER_TOKEN).contentType("application/json")
                .body(kuma("resolved", "OWA down")).when().post("/ingest/kuma").then().statusCode(202)
                .body("signals.check", contains("outlook-web-kuma")).body("signals[0].outcome", equalTo("up"));
    }

    @Test
    void shouldStillMapASubjectGivenInTheDeprecatedPropertyForm() {
        // PagerDuty names the service by id only here: PSVC123, mapped by herald.ingest.sources.pd.checks.PSVC123.
        byte[] body = fixture("pagerduty", "resolved");
        given().header("X-PagerDuty-Signature", "v1=" + hmacHex(TestEnvironment.PAGERDUTY_SECRET, body))
                .header("X-Webhook-Id", "legacy-" + UUID.randomUUID()).contentType("application/json").body(body)
                .when().post("/ingest/pd").then().statusCode(202)
                .body("signals.subject", contains("PSVC123")).body("signals.check", contains("pd-exchange"));
    }

    /**
     * The Uptime Kuma fixture for another monitor (its own id, so its de-duplication keys are its own), beating now:
     * the evaluator does not apply a heartbeat older than one it already applied for the check.
     */
    private static byte[] kuma(String fixture, String monitor) {
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(Instant.now());
        String body = new String(fixture("uptime-kuma", fixture), StandardCharsets.UTF_8)
                .replace("IMAP mail.example.org", monitor).replace("\"monitorID\": 14", "\"monitorID\": 21")
                .replace("\"id\": 14", "\"id\": 21")
                .replaceAll("\"time\": \"[^\"]+\"", "\"time\": \"" + now + "\"");
        assertThat(body).contains("\"name\": \"" + monitor + "\"").contains("\"monitorID\": 21");
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private List<Map<String, String>> signalsOf(String check) {
        return store.signals().stream().map(m -> m.payload()).filter(p -> check.equals(p.get("check"))).toList();
    }

    private static byte[] fixture(String sender, String name) {
        try (InputStream in = CatalogSubjectsTest.class.getResourceAsStream("/payloads/" + sender + "/" + name + ".json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmacHex(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
