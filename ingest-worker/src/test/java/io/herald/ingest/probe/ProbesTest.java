package io.herald.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.dns.DnsProbe;
import io.herald.ingest.probe.imap.ImapProbe;
import io.herald.ingest.probe.pop3.Pop3Probe;
import io.herald.ingest.probe.smtp.SmtpProbe;
import io.herald.ingest.probe.tcp.TcpProbe;
import io.herald.ingest.probe.testsupport.DnsmasqServer;
import io.herald.ingest.probe.testsupport.DovecotServer;
import io.herald.ingest.probe.testsupport.PostfixServer;
import io.herald.model.CheckOutcome;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogLoader;
import io.herald.model.catalog.CheckDef;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Catalog checks of the mail and DNS types, as an operator writes them, run by the probe registered for their type
 * against the real postfix, dovecot and dnsmasq started for this class: the catalog options reach the probes as meant.
 */
class ProbesTest {

    @RegisterExtension
    static final DovecotServer DOVECOT = DovecotServer.withTls();

    @RegisterExtension
    static final PostfixServer POSTFIX = new PostfixServer(DOVECOT::authSocket);

    @RegisterExtension
    static final DnsmasqServer DNSMASQ = new DnsmasqServer(List.of(
            "local=/herald.test/",
            "host-record=mail.herald.test,127.0.0.1",
            "mx-host=herald.test,mail.herald.test,10"));

    private static final Vertx VERTX = Vertx.vertx();
    private static final Probes PROBES = new Probes(List.of(new SmtpProbe(VERTX), new ImapProbe(VERTX),
            new Pop3Probe(VERTX), new DnsProbe(VERTX), new TcpProbe(VERTX)));

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    private static Catalog catalog() {
        return CatalogLoader.parse("mail.yaml", """
                page: {id: t, name: T, url: "http://localhost"}
                services:
                  - id: email
                    name: Email
                    components:
                      - id: mail
                        name: Mail
                        checks:
                          - {id: submission, type: smtp, host: 127.0.0.1, port: %d, security: starttls, trust: any,
                             user: "${PROBE_USER}", password: "${PROBE_PASSWORD}", auth_mechanism: login, timeout: 5s}
                          - {id: smtps, type: smtp, host: 127.0.0.1, port: %d, security: tls, trust: any, timeout: 5s}
                          - {id: imaps, type: imap, host: 127.0.0.1, port: %d, security: tls, trust: any, timeout: 5s}
                          - {id: imap-starttls, type: imap, host: 127.0.0.1, port: %d, trust: any, timeout: 5s}
                          - {id: pop3-starttls, type: pop3, host: 127.0.0.1, port: %d, trust: any, timeout: 5s}
                          - {id: mx, type: dns, resolver: 127.0.0.1, port: %d, name: herald.test, record_type: MX,
                             expect: mail.herald.test, timeout: 5s}
                          - {id: mx-wrong, type: dns, resolver: 127.0.0.1, port: %d, name: herald.test, record_type: MX,
                             expect: mx.elsewhere.test, timeout: 5s}
                          - {id: smtp-port, type: tcp, host: 127.0.0.1, port: %d, timeout: 5s}
                """.formatted(POSTFIX.port("smtp"), POSTFIX.port("smtps"), DOVECOT.port("imaps"), DOVECOT.port("imap"),
                        DOVECOT.port("pop3"), DNSMASQ.port("dns"), DNSMASQ.port("dns"), POSTFIX.port("smtp")),
                Map.of("PROBE_USER", DovecotServer.USER, "PROBE_PASSWORD", DovecotServer.PASSWORD)::get);
    }

    private static ProbeResult run(String check) {
        CheckDef def = catalog().check(check).orElseThrow();
        return PROBES.forType(def.type().wire()).orElseThrow().probe(def).await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void shouldRunEveryMailCheckAsConfigured() {
        ProbeResult submission = run("submission");
        assertThat(submission.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(submission.detail()).endsWith("STARTTLS, AUTH LOGIN");
        assertThat(run("smtps").outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(run("imaps").outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(run("imap-starttls").detail()).endsWith("IMAP4rev1, STARTTLS");
        assertThat(run("pop3-starttls").outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(run("smtp-port").outcome()).isEqualTo(CheckOutcome.UP);
    }

    @Test
    void shouldCheckTheExpectedDnsAnswer() {
        assertThat(run("mx").outcome()).isEqualTo(CheckOutcome.UP);
        ProbeResult wrong = run("mx-wrong");
        assertThat(wrong.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(wrong.detail()).contains("mx.elsewhere.test");
    }
}
