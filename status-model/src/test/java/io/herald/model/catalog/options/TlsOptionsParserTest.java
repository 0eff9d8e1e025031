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

class TlsOptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: tls; host: mail.acme.test", new TlsOptions("mail.acme.test", 443, null, 14,
                        Trust.SYSTEM)),
                Arguments.of("type: tls; host: 10.0.0.5; port: 465; server_name: mail.acme.test; cert_expiry_days: 0; "
                        + "trust: any", new TlsOptions("10.0.0.5", 465, "mail.acme.test", 0, new Trust(true, null, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadWithDefaults(String keys, TlsOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: tls; port: 443                          | c.yaml:9: @: 'host' is missing",
            "type: tls; host: h; server_name: not/a/name   | c.yaml:12: @.server_name: 'not/a/name' is not a host name",
            "type: tls; host: h; cert_expiry_days: 366     | c.yaml:12: @.cert_expiry_days: '366' is not a whole number from 0 to 365",
            "type: tls; host: h; trust: system; trust_password: x | c.yaml:13: @.trust_password: only a trust store has a password",
            "type: tls; host: h; trust: /no/such/store     | c.yaml:12: @.trust: '/no/such/store' is not system, any, or a readable trust store file",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
