package io.herald.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every type is registered once through META-INF/services and found by its wire name, in any case. */
class CheckTypesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http, PROBE", "tcp, PROBE", "tls, PROBE", "dns, PROBE", "smtp, PROBE", "imap, PROBE", "pop3, PROBE",
            "activesync, PROBE", "statuspage, PULL", "graph, PULL", "webhook, PUSH", "heartbeat, PUSH", "HTTP, PROBE",
            "WebHook, PUSH",
    })
    void shouldFindEachTypeByName(String wire, CheckType.Kind kind) {
        CheckType type = CheckTypes.find(wire).orElseThrow().type();
        assertThat(type.wire()).isEqualToIgnoringCase(wire);
        assertThat(type.kind()).isEqualTo(kind);
        assertThat(type.isProbe()).isEqualTo(kind != CheckType.Kind.PUSH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gopher", "''", "http2"})
    void shouldNotFindUnknownTypes(String wire) {
        assertThat(CheckTypes.find(wire)).isEmpty();
    }
}
