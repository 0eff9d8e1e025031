package io.herald.ingest.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sender through the real endpoint: its documented payload, signed or authorized as the sender does it,
 * becomes one signal per mapped subject; bad secrets, bodies, sizes and types are refused; a retry is applied once.
 */
@QuarkusTest
class WebhookSendersTest {

    @Inject
    RedisDataSource redis;

    RedisProbe store;

    @BeforeEach
    void setUp() {
        store = new RedisProbe(redis);
    }

    /** How a sender authenticates a body: returns the headers it sends with it (the secret given). */
    record Sender(String source, String fixture, String check, String outcome, String detailPart,
            BiFunction<byte[], Boolean, Map<String, String>> headers) {
        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Sender> senders() {
        return Stream.of(
                new Sender("am", "alertmanager", "am-activesync", "down", "2 of 5 endpoints fail",
                        (body, good) -> bearer(good)),
                new Sender("grafana", "grafana", "grafana-owa", "down", "/owa/healthcheck.htm answers 503",
                        (body, good) -> Map.of("X-Grafana-Alerting-Signature",
                                hex(hmac(utf8(good ? TestEnvironment.GRAFANA_SECRET : "wrong"), body)))),
                new Sender("kuma", "uptime-kuma", "kuma-imap", "down", "Uptime Kuma: IMAP mail.example.org down",
                        (body, good) -> bearer(good)),
                new Sender("pd", "pagerduty", "pd-exchange", "down", "ActiveSync answers 503",
                        (body, good) -> Map.of("X-PagerDuty-Signature", "v1=" + hex(hmac(utf8("old-and-gone"), body))
                                + ",v1=" + hex(hmac(utf8(good ? TestEnvironment.PAGERDUTY_SECRET : "wrong"), body)),
                                "X-Webhook-Id", "delivery-" + UUID.nameUUIDFromBytes(body))),
                new Sender("signed", "standard-webhooks", "signed-imap", "down", "CAPABILITY does not list IMAP4rev1",
                        WebhookSendersTest::standardWebhooks),
                new Sender("pingdom", "pingdom", "pingdom-owa", "down", "HTTP Error 503",
                        (body, good) -> Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                utf8(good ? TestEnvironment.SENDER_USER_PASSWORD : "pingdom:guess")))),
                new Sender("azure", "azure-monitor", "azure-hybrid", "down", "Exchange hybrid connector unreachable",
                        (body, good) -> bearer(good)));
    }

    @ParameterizedTest
    @MethodSource("senders")
    void shouldRecordTheSendersPayloadAsOneSignalOfTheMappedCheck(Sender sender) {
        byte[] body = fixture(sender.fixture(), "firing");
        int before = signalsOf(sender.check()).size();

        post(sender, body, true).then().statusCode(202)
                .body("accepted", equalTo(true))
                .body("signals.check", contains(sender.check()))
                .body("signals[0].outcome", equalTo(sender.outcome()));

        List<StreamMessage<String, String, String>> signals = signalsOf(sender.check());
        assertThat(signals).hasSize(before + 1);
        Map<String, String> signal = signals.get(signals.size() - 1).payload();
        assertThat(signal).containsEntry("source", sender.source()).containsEntry("outcome", sender.outcome());
        assertThat(signal.get("detail")).contains(sender.detailPart());
    }

    @ParameterizedTest
    @MethodSource("senders")
    void shouldApplyARepeatedDeliveryOnce(Sender sender) {
        byte[] body = fixture(sender.fixture(), "resolved");
        String first = post(sender, body, true).then().statusCode(202).body("duplicate", equalTo(false))
                .body("signals.check", contains(sender.check())).body("signals[0].outcome", equalTo("up"))
                .extract().path("signal_id");
        int after = signalsOf(sender.check()).size();

        post(sender, body, true).then().statusCode(202)
                .body("duplicate", equalTo(true)).body("signal_id", equalTo(first));

        assertThat(signalsOf(sender.check())).hasSize(after);
    }

    @ParameterizedTest
    @MethodSource("senders")
    void shouldRefuseAWrongSecretWithoutRecordingAnything(Sender sender) {
        int before = signalsFrom(sender.source()).size();

        post(sender, fixture(sender.fixture(), "firing"), false).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("realm"));

        assertThat(signalsFrom(sender.source())).hasSize(before);
    }

    @ParameterizedTest
    @MethodSource("senders")
    void shouldAnswer400Or422NamingTheFieldOfAMalformedPayload(Sender sender) {
        byte[] malformed = fixture(sender.fixture(), "malformed");
        post(sender, malformed, true).then().statusCode(422).contentType("application/problem+json")
                .body("field", startsWith("/"));

        byte[] notJson = utf8("{\"alerts\": [");
        post(sender, notJson, true).then().statusCode(400).body("detail", containsString("not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("senders")
    void shouldAnswer413And415BeforeReadingTheBody(Sender sender) {
        byte[] big = utf8("{\"pad\":\"" + "x".repeat(5000) + "\"}");
        post(sender, big, true).then().statusCode(413);

        given().headers(sender.headers().apply(utf8("a=b"), true)).contentType("text/plain")
                .body(utf8("a=b")).when().post("/ingest/" + sender.source()).then().statusCode(415);
    }

    @Test
    void shouldAcknowledgeAndListSubjectsThatMapToNoCheck() {
        Sender alertmanager = senders().filter(s -> s.source().equals("am")).findFirst().orElseThrow();
        byte[] body = fixture("alertmanager", "firing");

        post(alertmanager, body, true).then().statusCode(202)
                .body("signals", hasSize(1))
                .body("ignored", contains("SmtpStartTlsMissing"));
    }

    @Test
    void shouldAcceptATestSendWithoutRecordingAnything() {
        Sender kuma = senders().filter(s -> s.source().equals("kuma")).findFirst().orElseThrow();
        int before = signalsFrom("kuma").size();

        post(kuma, fixture("uptime-kuma", "test-send"), true).then().statusCode(202)
                .body("signals", empty()).body("ignored", empty());

        assertThat(signalsFrom("kuma")).hasSize(before);
    }

    @Test
    void shouldRejectAStandardWebhookSignedTooLongAgo() {
        byte[] body = fixture("standard-webhooks", "firing");
        String id = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(System.currentTimeMillis() / 1000 - 600);
        String signature = "v1," + Base64.getEncoder().encodeToString(hmac(standardKey(), utf8(id + "." + timestamp
                + "." + new String(body, StandardCharsets.UTF_8))));

        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", signature)
                .contentType("application/json").body(body).when().post("/ingest/signed").then().statusCode(401);
    }

    private List<StreamMessage<String, String, String>> signalsFrom(String source) {
        return store.signals().stream().filter(m -> source.equals(m.payload().get("source"))).toList();
    }

    private List<StreamMessage<String, String, String>> signalsOf(String check) {
        return store.signals().stream().filter(m -> check.equals(m.payload().get("check"))).toList();
    }

    private static io.restassured.response.Response post(Sender sender, byte[] body, boolean goodSecret) {
        RequestSpecification request = given().contentType("application/json").body(body);
        sender.headers().apply(body, goodSecret).forEach(request::header);
        return request.when().post("/ingest/" + sender.source());
    }

    private static Map<String, String> bearer(boolean good) {
        return Map.of("Authorization", "Bearer " + (good ? TestEnvironment.SENDER_TOKEN : "not-the-token"));
    }

    /** Standard Webhooks: HMAC-SHA256 keyed by base64(secret without whsec_) over id.timestamp.body, base64. */
    private static Map<String, String> standardWebhooks(byte[] body, boolean good) {
        String id = "msg_" + UUID.nameUUIDFromBytes(body);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        byte[] key = good ? standardKey() : utf8("wrong-key");
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[signed.length + body.length];
        System.arraycopy(signed, 0, message, 0, signed.length);
        System.arraycopy(body, 0, message, signed.length, body.length);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", "v1," + Base64.getEncoder().encodeToString(hmac(key, message)));
        return headers;
    }

    private static byte[] standardKey() {
        return Base64.getDecoder().decode(TestEnvironment.STANDARD_SECRET.substring("whsec_".length()));
    }

    private static byte[] fixture(String sender, String name) {
        try (InputStream in = WebhookSendersTest.class.getResourceAsStream("/payloads/" + sender + "/" + name + ".json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
