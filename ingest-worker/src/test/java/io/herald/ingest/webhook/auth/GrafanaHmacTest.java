package io.herald.ingest.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrafanaHmacTest {

    private static final String SECRET = "grafana-contact-point-secret-9f3b";
    private static final String SIGNATURE = "X-Grafana-Alerting-Signature";
    private static final String TIMESTAMP = "X-Grafana-Alerting-Timestamp";
    private static final byte[] BODY = Signing.utf8(
            "{\"receiver\":\"herald\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\"}],\"state\":\"alerting\"}");
    private static final Instant NOW = Instant.parse("2025-03-04T08:20:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Nested
    class BodyOnly {

        private final GrafanaHmac auth = new GrafanaHmac(SECRET);

        @Test
        void shouldAcceptTheBodySignedWithTheSecret() {
            assertThat(auth.verify(BODY, Map.of(SIGNATURE, Signing.hmacHex(SECRET, BODY))))
                    .isEqualTo(AuthResult.success());
        }

        @ParameterizedTest
        @ValueSource(strings = {"x-grafana-alerting-signature", "X-GRAFANA-ALERTING-SIGNATURE"})
        void shouldFindTheHeaderWhateverItsCase(String header) {
            assertThat(auth.verify(BODY, Map.of(header, Signing.hmacHex(SECRET, BODY).toUpperCase())).ok()).isTrue();
        }

        @Test
        void shouldRejectASignatureMadeWithAnotherSecret() {
            String wrong = Signing.hmacHex("another-secret", BODY);

            AuthResult result = auth.verify(BODY, Map.of(SIGNATURE, wrong));

            assertThat(result).isEqualTo(AuthResult.failure(
                    "the X-Grafana-Alerting-Signature signature does not match the body"));
            assertThat(result.reason()).doesNotContain(wrong).doesNotContain(SECRET);
        }

        @Test
        void shouldRejectATamperedBody() {
            byte[] tampered = Signing.utf8(new String(BODY, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("firing", "resolved"));

            assertThat(auth.verify(tampered, Map.of(SIGNATURE, Signing.hmacHex(SECRET, BODY))).ok()).isFalse();
        }

        @Test
        void shouldRejectAMissingOrNonHexSignature() {
            assertThat(auth.verify(BODY, Map.of()))
                    .isEqualTo(AuthResult.failure("the X-Grafana-Alerting-Signature header is missing"));
            assertThat(auth.verify(BODY, Map.of(SIGNATURE, "sha256=zz")))
                    .isEqualTo(AuthResult.failure("the X-Grafana-Alerting-Signature header is not hex"));
        }
    }

    @Nested
    class WithTimestamp {

        private final GrafanaHmac auth = new GrafanaHmac(SECRET, SIGNATURE, Optional.of(TIMESTAMP),
                Duration.ofMinutes(5), CLOCK);

        private Map<String, String> signedAt(Instant when) {
            String ts = Long.toString(when.getEpochSecond());
            byte[] signed = Signing.concat(Signing.utf8(ts + ":"), BODY);
            return Map.of(SIGNATURE, Signing.hmacHex(SECRET, signed), TIMESTAMP, ts);
        }

        @ParameterizedTest(name = "{0} s from now")
        @ValueSource(longs = {0, -299, -300, 120, 300})
        void shouldAcceptTimestampColonBodyWithinTheTolerance(long offsetSeconds) {
            assertThat(auth.verify(BODY, signedAt(NOW.plusSeconds(offsetSeconds)))).isEqualTo(AuthResult.success());
        }

        @ParameterizedTest(name = "{0} s from now")
        @ValueSource(longs = {-301, -86_400, 301})
        void shouldRejectATimestampOutsideTheTolerance(long offsetSeconds) {
            AuthResult result = auth.verify(BODY, signedAt(NOW.plusSeconds(offsetSeconds)));

            assertThat(result.ok()).isFalse();
            assertThat(result.reason()).contains("outside the 300 s tolerance");
        }

        @Test
        void shouldRejectASignatureOverTheBodyAloneWhenATimestampIsConfigured() {
            Map<String, String> headers = Map.of(SIGNATURE, Signing.hmacHex(SECRET, BODY),
                    TIMESTAMP, Long.toString(NOW.getEpochSecond()));

            assertThat(auth.verify(BODY, headers).ok()).isFalse();
        }

        @Test
        void shouldRejectAReplayedSignatureWithAFreshTimestamp() {
            Map<String, String> old = signedAt(NOW.minusSeconds(3600));
            Map<String, String> replay = Map.of(SIGNATURE, old.get(SIGNATURE),
                    TIMESTAMP, Long.toString(NOW.getEpochSecond()));

            assertThat(auth.verify(BODY, replay).reason())
                    .isEqualTo("the X-Grafana-Alerting-Signature signature does not match the body");
        }

        @Test
        void shouldRejectAMissingTimestamp() {
            Map<String, String> headers = Map.of(SIGNATURE, signedAt(NOW).get(SIGNATURE));

            assertThat(auth.verify(BODY, headers))
                    .isEqualTo(AuthResult.failure("the X-Grafana-Alerting-Timestamp header is missing"));
        }

        @Test
        void shouldRejectATamperedBody() {
            byte[] tampered = Signing.concat(BODY, Signing.utf8(" "));

            assertThat(auth.verify(tampered, signedAt(NOW)).ok()).isFalse();
        }
    }
}
