package io.herald.ingest.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhooksSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant NOW = Instant.parse("2025-03-04T08:20:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());
    private static final byte[] BODY = Signing.utf8("{\"check\":\"exchange-imap\",\"status\":\"down\"}");

    private final StandardWebhooksSignature auth = new StandardWebhooksSignature(List.of(SECRET),
            StandardWebhooksSignature.DEFAULT_TOLERANCE, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Map<String, String> signed(String secret, String id, String timestamp, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", Signing.standardWebhooksSignature(secret, id, timestamp, body));
        return headers;
    }

    @Test
    void shouldAcceptACorrectlySignedDelivery() {
        assertThat(auth.verify(BODY, signed(SECRET, ID, TS, BODY))).isEqualTo(AuthResult.success());
    }

    @Test
    void shouldMatchThePublishedTestVector() {
        // The example in the Standard Webhooks specification's reference libraries.
        byte[] body = Signing.utf8("{\"test\": 2432232314}");
        StandardWebhooksSignature atThatTime = new StandardWebhooksSignature(List.of(SECRET), Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC));
        Map<String, String> headers = Map.of("Webhook-Id", ID, "Webhook-Timestamp", "1614265330",
                "Webhook-Signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        assertThat(atThatTime.verify(body, headers)).isEqualTo(AuthResult.success());
    }

    @Test
    void shouldAcceptWhenAnyOfSeveralSignaturesMatches() {
        Map<String, String> headers = signed(SECRET, ID, TS, BODY);
        headers.put("webhook-signature", "v1a,c29tZSBhc3ltbWV0cmljIHNpZw== v1,AAAA "
                + Signing.standardWebhooksSignature("whsec_b2xkIHNlY3JldCBvbGQgc2VjcmV0", ID, TS, BODY) + " "
                + headers.get("webhook-signature"));

        assertThat(auth.verify(BODY, headers).ok()).isTrue();
    }

    @Test
    void shouldAcceptTheSecretWithoutItsPrefix() {
        StandardWebhooksSignature bare = new StandardWebhooksSignature(List.of(SECRET.substring(6)),
                Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(bare.verify(BODY, signed(SECRET, ID, TS, BODY)).ok()).isTrue();
    }

    @Test
    void shouldRejectAWrongSecret() {
        Map<String, String> headers = signed("whsec_c29tZSBvdGhlciBzZWNyZXQ=", ID, TS, BODY);

        AuthResult result = auth.verify(BODY, headers);

        assertThat(result).isEqualTo(AuthResult.failure("no webhook-signature signature matches the body"));
        assertThat(result.reason()).doesNotContain(headers.get("webhook-signature").substring(3))
                .doesNotContain(SECRET.substring(6));
    }

    @Test
    void shouldRejectATamperedBody() {
        byte[] tampered = Signing.utf8("{\"check\":\"exchange-imap\",\"status\":\"up\"}");

        assertThat(auth.verify(tampered, signed(SECRET, ID, TS, BODY)).ok()).isFalse();
    }

    @Test
    void shouldRejectAnotherIdUnderTheSameSignature() {
        Map<String, String> headers = signed(SECRET, ID, TS, BODY);
        headers.put("webhook-id", "msg_someone_elses");

        assertThat(auth.verify(BODY, headers).ok()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void shouldRejectAMissingHeader(String header) {
        Map<String, String> headers = signed(SECRET, ID, TS, BODY);
        headers.remove(header);

        assertThat(auth.verify(BODY, headers)).isEqualTo(AuthResult.failure("the " + header + " header is missing"));
    }

    @ParameterizedTest(name = "{0} s from now")
    @ValueSource(longs = {-301, -3600, 301})
    void shouldRejectATimestampOutsideFiveMinutes(long offsetSeconds) {
        String ts = Long.toString(NOW.plusSeconds(offsetSeconds).getEpochSecond());

        AuthResult result = auth.verify(BODY, signed(SECRET, ID, ts, BODY));

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).startsWith("the webhook-timestamp header is " + Math.abs(offsetSeconds) + " s in the")
                .endsWith("outside the 300 s tolerance");
    }

    @ParameterizedTest(name = "{0} s from now")
    @ValueSource(longs = {-300, -1, 0, 299})
    void shouldAcceptATimestampWithinFiveMinutes(long offsetSeconds) {
        String ts = Long.toString(NOW.plusSeconds(offsetSeconds).getEpochSecond());

        assertThat(auth.verify(BODY, signed(SECRET, ID, ts, BODY)).ok()).isTrue();
    }

    @Test
    void shouldRejectATimestampThatIsNotUnixSeconds() {
        String iso = NOW.toString();

        assertThat(auth.verify(BODY, signed(SECRET, ID, iso, BODY)))
                .isEqualTo(AuthResult.failure("the webhook-timestamp header is not unix seconds"));
    }

    @Test
    void shouldHonourAConfiguredTolerance() {
        StandardWebhooksSignature strict = new StandardWebhooksSignature(List.of(SECRET), Duration.ofSeconds(30),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String ts = Long.toString(NOW.minusSeconds(60).getEpochSecond());

        assertThat(strict.verify(BODY, signed(SECRET, ID, ts, BODY)).ok()).isFalse();
        assertThat(auth.verify(BODY, signed(SECRET, ID, ts, BODY)).ok()).isTrue();
    }

    @Test
    void shouldRefuseASecretThatIsNotBase64WithoutEchoingIt() {
        assertThatThrownBy(() -> new StandardWebhooksSignature("whsec_!!not base64!!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Standard Webhooks secret is not whsec_ followed by base64");
    }
}
