package io.herald.ingest.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthTest {

    private static final String TOKEN = "hx_live_6f1c9a2e7b5d4c3a8e0f";
    private static final byte[] BODY = Signing.utf8("{\"status\":\"firing\"}");

    private final BearerAuth auth = new BearerAuth(Signing.sha256Hex(TOKEN));

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "Authorization, Bearer " + TOKEN,
            "authorization, bearer " + TOKEN,
            "AUTHORIZATION, BEARER   " + TOKEN})
    void shouldAcceptTheRightTokenWhateverTheCaseOfHeaderAndScheme(String header, String value) {
        assertThat(auth.verify(BODY, Map.of(header, value))).isEqualTo(AuthResult.success());
    }

    @Test
    void shouldAcceptAStoredHashInUpperCase() {
        BearerAuth upper = new BearerAuth(Signing.sha256Hex(TOKEN).toUpperCase());

        assertThat(upper.verify(BODY, Map.of("Authorization", "Bearer " + TOKEN)).ok()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Bearer hx_live_wrong                  | the bearer token does not match",
            "Bearer " + TOKEN + "x                 | the bearer token does not match",
            "Basic aGVyYWxkOnNlY3JldA==            | the Authorization header does not carry Bearer credentials",
            "Bearer                                | the Authorization header does not carry Bearer credentials",
            TOKEN + "                              | the Authorization header does not carry Bearer credentials"})
    void shouldRejectAWrongOrMisplacedToken(String value, String reason) {
        AuthResult result = auth.verify(BODY, Map.of("Authorization", value));

        assertThat(result.ok()).isFalse();
        assertThat(result.reason()).isEqualTo(reason).doesNotContain(TOKEN).doesNotContain("wrong");
    }

    @Test
    void shouldRejectAMissingHeader() {
        assertThat(auth.verify(BODY, Map.of("Content-Type", "application/json")))
                .isEqualTo(AuthResult.failure("the Authorization header is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-hex", "abcd"})
    void shouldRefuseAStoredHashThatIsNotASha256(String stored) {
        assertThatThrownBy(() -> new BearerAuth(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the bearer token hash must be a SHA-256 in hex");
    }
}
