package io.herald.ingest.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BasicAuthTest {

    // A password may itself contain a colon; only the first one separates the user.
    private static final String USER_PASSWORD = "alertmanager:c0rrect:horse";
    private static final byte[] BODY = Signing.utf8("{\"status\":\"resolved\"}");

    private final BasicAuth auth = new BasicAuth(Signing.sha256Hex(USER_PASSWORD));

    @Test
    void shouldAcceptTheRightUserAndPassword() {
        assertThat(auth.verify(BODY, Map.of("authorization", basic(USER_PASSWORD)))).isEqualTo(AuthResult.success());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "alertmanager:wrong",
            "grafana:c0rrect:horse",
            "'alertmanager:c0rrect:horse '",
            "alertmanager"})
    void shouldRejectAWrongUserOrPassword(String userPassword) {
        AuthResult result = auth.verify(BODY, Map.of("Authorization", basic(userPassword)));

        assertThat(result).isEqualTo(AuthResult.failure("the Basic user or password does not match"));
    }

    @Test
    void shouldRejectCredentialsThatAreNotBase64() {
        assertThat(auth.verify(BODY, Map.of("Authorization", "Basic %%%")))
                .isEqualTo(AuthResult.failure("the Basic credentials are not valid base64"));
    }

    @Test
    void shouldRejectAMissingHeaderOrAnotherScheme() {
        assertThat(auth.verify(BODY, Map.of()).reason()).isEqualTo("the Authorization header is missing");
        assertThat(auth.verify(BODY, Map.of("Authorization", "Bearer abc")).reason())
                .isEqualTo("the Authorization header does not carry Basic credentials");
    }

    private static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(Signing.utf8(userPassword));
    }
}
