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

class ActiveSyncOptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: activesync; url: https://mail.acme.test", new ActiveSyncOptions(
                        "https://mail.acme.test", "options", "activesync", null, null, Trust.SYSTEM)),
                Arguments.of("type: activesync; url: https://mail.acme.test; mode: HealthCheck; health_page: OWA",
                        new ActiveSyncOptions("https://mail.acme.test", "healthcheck", "owa", null, null, Trust.SYSTEM)),
                Arguments.of("type: activesync; url: https://mail.acme.test; mode: autodiscover; user: probe@acme.test; "
                        + "password: ${SECRET}; trust: any", new ActiveSyncOptions("https://mail.acme.test",
                        "autodiscover", "activesync", "probe@acme.test", "from-env", new Trust(true, null, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadWithDefaults(String keys, ActiveSyncOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: activesync                                  | c.yaml:9: @: 'url' is missing",
            "type: activesync; url: mail.acme.test             | c.yaml:11: @.url: 'mail.acme.test' is not an http(s) URL",
            "type: activesync; url: https://h; mode: ping      | c.yaml:12: @.mode: 'ping' is not options, healthcheck or autodiscover",
            "type: activesync; url: https://h; health_page: ecp | c.yaml:12: @.health_page: 'ecp' is not activesync, owa, autodiscover, ews or mapi",
            "type: activesync; url: https://h; mode: autodiscover | c.yaml:9: @: 'user' is missing",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
