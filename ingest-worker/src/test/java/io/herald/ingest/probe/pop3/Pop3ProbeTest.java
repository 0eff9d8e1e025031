package io.herald.ingest.probe.pop3;

import static io.herald.ingest.probe.ProbeTestSupport.NORMAL;
import static io.herald.ingest.probe.ProbeTestSupport.SHORT;
import static io.herald.ingest.probe.ProbeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.ingest.probe.testsupport.DovecotServer;
import io.herald.ingest.probe.testsupport.ManagedServer;
import io.herald.ingest.probe.testsupport.SilentServer;
import io.herald.model.CheckOutcome;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class Pop3ProbeTest {

    @RegisterExtension
    static final DovecotServer DOVECOT = DovecotServer.withTls();

    @RegisterExtension
    static final DovecotServer PLAIN_DOVECOT = DovecotServer.withoutTls(null);

    private static final Vertx VERTX = Vertx.vertx();
    private static final TlsTrust TRUST_ALL = TlsTrust.trustAllCertificates();
    private final Pop3Probe probe = new Pop3Probe(VERTX);

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    private static Pop3Target target(DovecotServer server, String port, MailSecurity security) {
        return new Pop3Target("127.0.0.1", server.port(port), NORMAL, security, TRUST_ALL);
    }

    @Test
    void shouldBeUpWithoutTls() {
        ProbeResult result = await(probe.probe(target(DOVECOT, "pop3", MailSecurity.PLAIN)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).isEqualTo("POP3 127.0.0.1:" + DOVECOT.port("pop3") + " OK: greeting +OK, CAPA");
    }

    @Test
    void shouldBeUpAfterStls() {
        ProbeResult result = await(probe.probe(target(DOVECOT, "pop3", MailSecurity.STARTTLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).endsWith("OK: greeting +OK, CAPA, STLS");
    }

    @Test
    void shouldBeUpOverImplicitTls() {
        ProbeResult result = await(probe.probe(target(DOVECOT, "pop3s", MailSecurity.IMPLICIT_TLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).endsWith("OK: TLS greeting +OK, CAPA");
    }

    @Test
    void shouldBeDownWhenStlsIsRequiredButNotListed() {
        ProbeResult result = await(probe.probe(target(PLAIN_DOVECOT, "pop3", MailSecurity.STARTTLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail())
                .isEqualTo("STLS not listed in the POP3 CAPA of 127.0.0.1:" + PLAIN_DOVECOT.port("pop3"));
    }

    @Test
    void shouldBeDownWithRefusedWhenNothingListens() {
        int closedPort = ManagedServer.freePort();

        ProbeResult result = await(probe.probe(
                new Pop3Target("localhost", closedPort, NORMAL, MailSecurity.IMPLICIT_TLS, TRUST_ALL)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("connection refused: localhost:" + closedPort);
    }

    @Test
    void shouldTimeOutWaitingForTheTlsHandshakeOfASilentServer() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ProbeResult result = await(probe.probe(
                    new Pop3Target("127.0.0.1", silent.tcpPort(), SHORT, MailSecurity.IMPLICIT_TLS, TRUST_ALL)));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.detail()).isEqualTo("timed out after 1s waiting for the TLS handshake and greeting");
        }
    }
}
