package io.herald.ingest.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagerDutySignatureTest {

    private static final String OLD_SECRET = "pd-old-secret-f2c31a";
    private static final String NEW_SECRET = "pd-new-secret-7b90de";
    private static final String HEADER = "X-PagerDuty-Signature";
    private static final byte[] BODY = Signing.utf8(
            "{\"event\":{\"id\":\"01DEN3BLCUDGYQGBRUN9DXXK9T\",\"event_type\":\"incident.triggered\"}}");

    private final PagerDutySignature auth = new PagerDutySignature(NEW_SECRET);

    @Test
    void shouldAcceptASingleSignature() {
        assertThat(auth.verify(BODY, Map.of(HEADER, "v1=" + Signing.hmacHex(NEW_SECRET, BODY))))
                .isEqualTo(AuthResult.success());
    }

    @Test
    void shouldAcceptTheSecondOfTwoSignaturesDuringRotation() {
        String header = "v1=" + Signing.hmacHex(OLD_SECRET, BODY) + ",v1=" + Signing.hmacHex(NEW_SECRET, BODY);

        assertThat(auth.verify(BODY, Map.of("x-pagerduty-signature", header))).isEqualTo(AuthResult.success());
    }

    @Test
    void shouldAcceptEitherSecretHeldByHerald() {
        PagerDutySignature both = new PagerDutySignature(List.of(OLD_SECRET, NEW_SECRET));

        assertThat(both.verify(BODY, Map.of(HEADER, "v1=" + Signing.hmacHex(OLD_SECRET, BODY))).ok()).isTrue();
        assertThat(both.verify(BODY, Map.of(HEADER, "v1=" + Signing.hmacHex(NEW_SECRET, BODY))).ok()).isTrue();
    }

    @Test
    void shouldRejectSignaturesMadeWithOtherSecrets() {
        String header = "v1=" + Signing.hmacHex(OLD_SECRET, BODY) + ", v1=" + Signing.hmacHex("third", BODY);

        AuthResult result = auth.verify(BODY, Map.of(HEADER, header));

        assertThat(result).isEqualTo(AuthResult.failure("no X-PagerDuty-Signature signature matches the body"));
        assertThat(result.reason()).doesNotContain(Signing.hmacHex(OLD_SECRET, BODY)).doesNotContain(NEW_SECRET);
    }

    @Test
    void shouldRejectATamperedBody() {
        byte[] tampered = Signing.utf8(new String(BODY, java.nio.charset.StandardCharsets.UTF_8)
                .replace("triggered", "resolved"));

        assertThat(auth.verify(tampered, Map.of(HEADER, "v1=" + Signing.hmacHex(NEW_SECRET, BODY))).ok()).isFalse();
    }

    @Test
    void shouldRejectAMissingHeader() {
        assertThat(auth.verify(BODY, Map.of())).isEqualTo(AuthResult.failure("the X-PagerDuty-Signature header is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v0=abcdef", "v1=not-hex", "sha256=00ff", ","})
    void shouldRejectAHeaderWithoutAUsableV1Signature(String header) {
        assertThat(auth.verify(BODY, Map.of(HEADER, header)))
                .isEqualTo(AuthResult.failure("the X-PagerDuty-Signature header has no v1 signature in hex"));
    }

    @Test
    void shouldNotAcceptTheRightHexUnderAnotherVersion() {
        String header = "v2=" + Signing.hmacHex(NEW_SECRET, BODY);

        assertThat(auth.verify(BODY, Map.of(HEADER, header)).ok()).isFalse();
    }
}
