package io.herald.model.catalog.options;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SmtpOptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: smtp; host: mail.acme.test",
                        new SmtpOptions("mail.acme.test", 587, "starttls", Trust.SYSTEM, null, "PLAIN", null, null)),
                Arguments.of("type: smtp; host: mail.acme.test; security: TLS",
                        new SmtpOptions("mail.acme.test", 465, "tls", Trust.SYSTEM, null, "PLAIN", null, null)),
                Arguments.of("type: smtp; host: mail.acme.test; security: plain; port: 25; helo: probe.acme.test",
                        new SmtpOptions("mail.acme.test", 25, "plain", Trust.SYSTEM, "probe.acme.test", "PLAIN", null,
                                null)),
                Arguments.of("type: smtp; host: h; user: probe; password: ${SECRET}; auth_mechanism: login; trust: any",
                        new SmtpOptions("h", 587, "starttls", new Trust(true, null, null), null, "LOGIN", "probe",
                                "from-env")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadWithDefaults(String keys, SmtpOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: smtp; host: h; user: probe                 | c.yaml:9: @: 'password' is missing",
            "type: smtp; host: h; password: secret            | c.yaml:12: @.password: a password needs a user",
            "type: smtp; host: h; user: u; password: p; auth_mechanism: cram-md5 | c.yaml:14: @.auth_mechanism: 'CRAM-MD5' is not PLAIN or LOGIN",
            "type: smtp; host: h; security: ssl               | c.yaml:12: @.security: 'ssl' is not plain, starttls or tls (implicit TLS)",
            "type: smtp; host: h; user: u; password: ${UNSET} | c.yaml:13: @.password: environment variable UNSET is not set and has no default",
            "type: smtp; security: tls                        | c.yaml:9: @: 'host' is missing",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
