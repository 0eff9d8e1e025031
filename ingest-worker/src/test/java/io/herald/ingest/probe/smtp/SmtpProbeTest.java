package io.herald.ingest.probe.smtp;

import static io.herald.ingest.probe.ProbeTestSupport.NORMAL;
import static io.herald.ingest.probe.ProbeTestSupport.SHORT;
import static io.herald.ingest.probe.ProbeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.ingest.probe.testsupport.DovecotServer;
import io.herald.ingest.probe.testsupport.ManagedServer;
import io.herald.ingest.probe.testsupport.PostfixServer;
import io.herald.ingest.probe.testsupport.SilentServer;
import io.herald.ingest.probe.testsupport.Smtp454Server;
import io.herald.model.CheckOutcome;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmtpProbeTest {

    // Registered first: postfix checks AUTH against dovecot's auth socket.
    @RegisterExtension
    static final DovecotServer DOVECOT = DovecotServer.withTls();

    @RegisterExtension
    static final PostfixServer POSTFIX = new PostfixServer(DOVECOT::authSocket);

    private static final Vertx VERTX = Vertx.vertx();
    private static final TlsTrust TRUST_ALL = TlsTrust.trustAllCertificates();
    private final SmtpProbe probe = new SmtpProbe(VERTX);

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    private static SmtpTarget target(String port, MailSecurity security) {
        return new SmtpTarget("127.0.0.1", POSTFIX.port(port), NORMAL, security, TRUST_ALL);
    }

    @Test
    void shouldBeUpAfterGreetingEhloAndQuitWithoutTls() {
        ProbeResult result = await(probe.probe(target("smtp", MailSecurity.PLAIN)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).isEqualTo("SMTP 127.0.0.1:" + POSTFIX.port("smtp") + " OK: greeting 220, EHLO");
    }

    @Test
    void shouldBeUpAfterNegotiatingStartTls() {
        ProbeResult result = await(probe.probe(target("smtp", MailSecurity.STARTTLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).endsWith("OK: greeting 220, EHLO, STARTTLS");
    }

    @Test
    void shouldBeUpOverImplicitTls() {
        ProbeResult result = await(probe.probe(target("smtps", MailSecurity.IMPLICIT_TLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).endsWith("OK: TLS greeting 220, EHLO");
    }

    @ParameterizedTest
    @EnumSource(SmtpAuth.Mechanism.class)
    void shouldBeUpWhenTheCredentialsAreAccepted(SmtpAuth.Mechanism mechanism) {
        SmtpTarget target = target("smtp", MailSecurity.STARTTLS)
                .withAuth(new SmtpAuth(mechanism, DovecotServer.USER, DovecotServer.PASSWORD));

        ProbeResult result = await(probe.probe(target));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).endsWith("STARTTLS, AUTH " + mechanism);
    }

    @Test
    void shouldBeDownWithThe535ReplyWhenTheCredentialsAreRejected() {
        SmtpTarget target = target("smtps", MailSecurity.IMPLICIT_TLS)
                .withAuth(new SmtpAuth(SmtpAuth.Mechanism.PLAIN, DovecotServer.USER, "wrong-password"));

        ProbeResult result = await(probe.probe(target));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).startsWith("AUTH rejected: 535 ");
    }

    @Test
    void shouldBeDownWhenStartTlsIsRequiredButNotOffered() {
        ProbeResult result = await(probe.probe(target("notls", MailSecurity.STARTTLS)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail())
                .isEqualTo("STARTTLS not offered in the EHLO reply of 127.0.0.1:" + POSTFIX.port("notls"));
    }

    @Test
    void shouldBeDownWithTheServersWordsWhenStartTlsAnswers454() throws Exception {
        try (Smtp454Server broken = new Smtp454Server()) {
            ProbeResult result = await(probe.probe(
                    new SmtpTarget("127.0.0.1", broken.port(), NORMAL, MailSecurity.STARTTLS, TRUST_ALL)));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.detail()).isEqualTo("STARTTLS refused: 454 4.7.0 TLS not available");
        }
    }

    @Test
    void shouldBeDownWhenTheCertificateIsNotTrusted() {
        ProbeResult result = await(probe.probe(new SmtpTarget("127.0.0.1", POSTFIX.port("smtps"), NORMAL,
                MailSecurity.IMPLICIT_TLS, TlsTrust.systemDefault())));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).startsWith("TLS handshake with 127.0.0.1:" + POSTFIX.port("smtps") + " failed");
    }

    @Test
    void shouldBeDownWithRefusedWhenNothingListens() {
        int closedPort = ManagedServer.freePort();

        ProbeResult result = await(probe.probe(
                new SmtpTarget("localhost", closedPort, NORMAL, MailSecurity.PLAIN, TRUST_ALL)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("connection refused: localhost:" + closedPort);
    }

    @Test
    void shouldTimeOutWaitingForTheGreetingOfASilentServer() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ProbeResult result = await(probe.probe(
                    new SmtpTarget("127.0.0.1", silent.tcpPort(), SHORT, MailSecurity.PLAIN, TRUST_ALL)));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.detail()).isEqualTo("timed out after 1s waiting for the greeting");
        }
    }
}
