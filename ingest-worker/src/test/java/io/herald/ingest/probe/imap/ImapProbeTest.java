package io.herald.ingest.probe.imap;

import static io.herald.ingest.probe.ProbeTestSupport.NORMAL;
import static io.herald.ingest.probe.ProbeTestSupport.SHORT;
import static io.herald.ingest.probe.ProbeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.ingest.probe.testsupport.Certificates;
import io.herald.ingest.probe.testsupport.DovecotServer;
import io.herald.ingest.probe.testsupport.SilentServer;
import io.herald.model.CheckOutcome;
import io.vertx.mutiny.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapProbeTest {

    @RegisterExtension
    static final DovecotServer DOVECOT = DovecotServer.withTls();

    @RegisterExtension
    static final DovecotServer PLAIN_DOVECOT = DovecotServer.withoutTls(null);

    // A third dovecot configured to announce an old capability list instead of IMAP4rev1.
    @RegisterExtension
    static final DovecotServer LEGACY_DOVECOT = DovecotServer.withoutTls("IMAP2 LITERAL+");

    private static final Vertx VERTX = Vertx.vertx();
    private static final TlsTrust TRUST_ALL = TlsTrust.trustAllCertificates();
    private final ImapProbe probe = new ImapProbe(VERTX);

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    private static ImapTarget target(DovecotServer server, String port, MailSecurity security) {
        return new ImapTarget("127.0.0.1", server.port(port), NORMAL, security, TRUST_ALL);
    }

    @Test
    void shouldBeUpWithoutTls() {
        ProbeResult result = await(probe.probe(target(DOVECOT, "imap", MailSecurity.PLAIN)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail())
                .isEqualTo("IMAP 127.0.0.1:" + DOVECOT.port("imap") + " OK: greeting * OK, IMAP4rev1");
    }

    @Test
    void shouldBeUpAfterStartTls() {
        ProbeResult result = await(probe.probe(target(DOVECOT, "imap", MailSecurity.STARTTLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).endsWith("OK: greeting * OK, IMAP4rev1, STARTTLS");
    }

    @Test
    void shouldBeUpOverImplicitTlsWithATrustStore() {
        Path store = Certificates.trustStore(DOVECOT.workDir(), DOVECOT.certificate());
        ImapTarget target = new ImapTarget("localhost", DOVECOT.port("imaps"), NORMAL, MailSecurity.IMPLICIT_TLS,
                TlsTrust.trustStore(store, Certificates.TRUST_STORE_PASSWORD));

        ProbeResult result = await(probe.probe(target));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).endsWith("OK: TLS greeting * OK, IMAP4rev1");
    }

    @Test
    void shouldBeDownWhenStartTlsIsRequiredButNotListed() {
        ProbeResult result = await(probe.probe(target(PLAIN_DOVECOT, "imap", MailSecurity.STARTTLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo(
                "STARTTLS not listed in the IMAP CAPABILITY of 127.0.0.1:" + PLAIN_DOVECOT.port("imap"));
    }

    @Test
    void shouldBeDownWhenCapabilityLacksImap4rev1() {
        ProbeResult result = await(probe.probe(target(LEGACY_DOVECOT, "imap", MailSecurity.PLAIN)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("IMAP CAPABILITY lacks IMAP4rev1");
    }

    @Test
    void shouldTimeOutWaitingForTheGreetingOfASilentServer() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ProbeResult result = await(probe.probe(
                    new ImapTarget("127.0.0.1", silent.tcpPort(), SHORT, MailSecurity.PLAIN, TRUST_ALL)));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.detail()).isEqualTo("timed out after 1s waiting for the greeting");
        }
    }
}
