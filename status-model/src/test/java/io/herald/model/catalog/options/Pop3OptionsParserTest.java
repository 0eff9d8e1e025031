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

class Pop3OptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: pop3; host: mail.acme.test", new MailboxOptions("mail.acme.test", 110, "starttls",
                        Trust.SYSTEM)),
                Arguments.of("type: pop3; host: mail.acme.test; security: tls", new MailboxOptions("mail.acme.test", 995,
                        "tls", Trust.SYSTEM)),
                Arguments.of("type: pop3; host: mail.acme.test; security: plain; port: 10110; trust: any",
                        new MailboxOptions("mail.acme.test", 10110, "plain", new Trust(true, null, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadWithDefaultPortsBySecurity(String keys, MailboxOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: pop3; security: tls                  | c.yaml:9: @: 'host' is missing",
            "type: pop3; host: h; security: ssl3        | c.yaml:12: @.security: 'ssl3' is not plain, starttls or tls (implicit TLS)",
            "type: pop3; host: h; user: someone         | c.yaml:12: @: unknown key 'user'",
            "type: pop3; host: h; port: -1              | c.yaml:12: @.port: '-1' is not a whole number from 1 to 65535",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
