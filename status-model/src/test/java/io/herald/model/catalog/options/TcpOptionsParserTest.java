package io.herald.model.catalog.options;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcpOptionsParserTest {

    @Test
    void shouldReadHostAndPortAsAProbe() {
        CheckDef check = loadCheck("type: tcp; host: mail.acme.test; port: 25");
        assertThat(check.options()).isEqualTo(new TcpOptions("mail.acme.test", 25));
        assertThat(check.type()).isEqualTo(new CheckType("tcp", CheckType.Kind.PROBE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: tcp; port: 25                    | c.yaml:9: @: 'host' is missing",
            "type: tcp; host: mail.acme.test        | c.yaml:9: @: 'port' is missing",
            "type: tcp; host: bad_host; port: 25    | c.yaml:11: @.host: 'bad_host' is not a host name or address",
            "type: tcp; host: h; port: 0            | c.yaml:12: @.port: '0' is not a whole number from 1 to 65535",
            "type: tcp; host: h; port: 25; trust: any | c.yaml:13: @: unknown key 'trust' (allowed: expect_every, failures_to_down, host, id, interval, latency_limit, name, port, quorum, successes_to_up, timeout, type)",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
