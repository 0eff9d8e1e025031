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

class DnsOptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: dns; resolver: 127.0.0.1; name: acme.test",
                        new DnsOptions("127.0.0.1", 53, "acme.test", "A", null)),
                Arguments.of("type: dns; resolver: ns1.acme.test; port: 5353; name: acme.test; record_type: mx; "
                        + "expect: mail.acme.test", new DnsOptions("ns1.acme.test", 5353, "acme.test", "MX",
                        "mail.acme.test")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadWithDefaults(String keys, DnsOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: dns; name: acme.test                         | c.yaml:9: @: 'resolver' is missing",
            "type: dns; resolver: 127.0.0.1                     | c.yaml:9: @: 'name' is missing",
            "type: dns; resolver: 127.0.0.1; name: acme.test; record_type: srv | c.yaml:13: @.record_type: 'SRV' is not a record type (A, AAAA, MX, TXT, CNAME or NS)",
            "type: dns; resolver: 127.0.0.1; name: acme test    | c.yaml:12: @.name: 'acme test' is not a host name or address",
            "type: dns; resolver: 127.0.0.1; port: 99999; name: a | c.yaml:12: @.port: '99999' is not a whole number from 1 to 65535",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
