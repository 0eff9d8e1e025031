package io.herald.ingest.probe.dns;

import static io.herald.ingest.probe.ProbeTestSupport.NORMAL;
import static io.herald.ingest.probe.ProbeTestSupport.SHORT;
import static io.herald.ingest.probe.ProbeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.testsupport.DnsmasqServer;
import io.herald.ingest.probe.testsupport.SilentServer;
import io.herald.model.CheckOutcome;
import io.vertx.mutiny.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsProbeTest {

    @RegisterExtension
    static final DnsmasqServer DNSMASQ = new DnsmasqServer(List.of(
            "local=/herald.test/",
            "host-record=mail.herald.test,127.0.0.1,::1",
            "host-record=v4only.herald.test,127.0.0.2",
            "mx-host=herald.test,mail.herald.test,10",
            "txt-record=herald.test,\"v=spf1 mx -all\"",
            "cname=webmail.herald.test,mail.herald.test"));

    private static final Vertx VERTX = Vertx.vertx();
    private final DnsProbe probe = new DnsProbe(VERTX);

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    private static DnsTarget target(String name, DnsRecordType type, String expected) {
        return new DnsTarget("127.0.0.1", DNSMASQ.port("dns"), NORMAL, name, type, expected);
    }

    @ParameterizedTest(name = "{1} {0} contains {2}")
    @CsvSource(delimiter = '|', value = {
            "mail.herald.test    | A     | 127.0.0.1        | DNS A mail.herald.test: 127.0.0.1",
            "mail.herald.test    | AAAA  | ::1              | DNS AAAA mail.herald.test: ",
            "herald.test         | MX    | mail.herald.test | DNS MX herald.test: 10 mail.herald.test",
            "herald.test         | TXT   | v=spf1           | DNS TXT herald.test: v=spf1 mx -all",
            "webmail.herald.test | CNAME | mail.herald.test | DNS CNAME webmail.herald.test: mail.herald.test"
    })
    void shouldBeUpWhenAnAnswerContainsTheExpectedValue(String name, DnsRecordType type, String expected,
            String detailStart) {
        ProbeResult result = await(probe.probe(target(name, type, expected)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).startsWith(detailStart);
    }

    @Test
    void shouldBeUpWithoutAnExpectationWhenThereIsAnyAnswer() {
        ProbeResult result = await(probe.probe(target("mail.herald.test", DnsRecordType.A, null)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).isEqualTo("DNS A mail.herald.test: 127.0.0.1");
    }

    @Test
    void shouldBeDownNamingBothValuesWhenTheAnswerIsWrong() {
        ProbeResult result = await(probe.probe(target("mail.herald.test", DnsRecordType.A, "10.0.0.5")));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("DNS A mail.herald.test: expected 10.0.0.5, got 127.0.0.1");
    }

    @Test
    void shouldBeDownWhenTheNameDoesNotExist() {
        ProbeResult result = await(probe.probe(target("nosuch.herald.test", DnsRecordType.A, null)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("DNS A nosuch.herald.test: no such name (NXDOMAIN)");
    }

    @Test
    void shouldBeDownWhenTheNameHasNoRecordOfThatType() {
        ProbeResult result = await(probe.probe(target("v4only.herald.test", DnsRecordType.AAAA, null)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("DNS AAAA v4only.herald.test: no answer");
    }

    @Test
    void shouldTimeOutWhenTheResolverNeverAnswers() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ProbeResult result = await(probe.probe(new DnsTarget(
                    "127.0.0.1", silent.udpPort(), SHORT, "mail.herald.test", DnsRecordType.A, null)));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.detail()).isEqualTo(
                    "timed out after 1s waiting for the DNS A mail.herald.test answer from 127.0.0.1:" + silent.udpPort());
        }
    }
}
