package io.herald.ingest.probe.tls;

import static io.herald.ingest.probe.ProbeTestSupport.NORMAL;
import static io.herald.ingest.probe.ProbeTestSupport.SHORT;
import static io.herald.ingest.probe.ProbeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.ingest.probe.testsupport.Certificates;
import io.herald.ingest.probe.testsupport.ManagedServer;
import io.herald.ingest.probe.testsupport.NginxServer;
import io.herald.ingest.probe.testsupport.SilentServer;
import io.herald.model.CheckOutcome;
import io.vertx.mutiny.core.Vertx;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TlsProbeTest {

    private static final String TLS_SERVER = """
            server {
                listen 127.0.0.1:%d ssl;
                server_name %s;
                ssl_certificate %s;
                ssl_certificate_key %s;
                location / { return 200 "ok"; }
            }
            """;

    private static Path validCertificate;

    @RegisterExtension
    static final NginxServer NGINX = new NginxServer((nginx, dir) -> {
        Certificates.Pair valid = Certificates.selfSigned(dir, "valid", "mail.herald.test", 60);
        Certificates.Pair expiring = Certificates.selfSigned(dir, "expiring", "expiring.herald.test", 3);
        Certificates.Pair expired = Certificates.expired(dir, "expired", "expired.herald.test");
        validCertificate = valid.cert();
        // "valid" port: the 60-day certificate by default, the 3-day one for SNI expiring.herald.test.
        return TLS_SERVER.formatted(nginx.port("valid"), "mail.herald.test", valid.cert(), valid.key())
                + TLS_SERVER.formatted(nginx.port("valid"), "expiring.herald.test", expiring.cert(), expiring.key())
                + TLS_SERVER.formatted(nginx.port("expiring"), "expiring.herald.test", expiring.cert(), expiring.key())
                + TLS_SERVER.formatted(nginx.port("expired"), "expired.herald.test", expired.cert(), expired.key());
    }, "valid", "expiring", "expired");

    private static final Vertx VERTX = Vertx.vertx();
    private final TlsProbe probe = new TlsProbe(VERTX);

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    private static TlsTarget target(int port, String sni, TlsTrust trust) {
        return new TlsTarget("127.0.0.1", port, NORMAL, sni, trust, 14);
    }

    @Test
    void shouldBeUpWhenTheCertificateIsFarFromExpiry() {
        ProbeResult result = await(probe.probe(
                target(NGINX.port("valid"), "mail.herald.test", TlsTrust.trustAllCertificates())));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail())
                .startsWith("TLS handshake with mail.herald.test OK (CN=mail.herald.test)")
                .contains("certificate expires in 60 days");
    }

    @Test
    void shouldTrustASelfSignedCertificateFromATrustStore() {
        Path store = Certificates.trustStore(NGINX.workDir(), validCertificate);

        ProbeResult result = await(probe.probe(target(NGINX.port("valid"), "mail.herald.test",
                TlsTrust.trustStore(store, Certificates.TRUST_STORE_PASSWORD))));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
    }

    @Test
    void shouldBeDownWhenTheCertificateIsNotTrusted() {
        ProbeResult result = await(probe.probe(
                target(NGINX.port("valid"), "mail.herald.test", TlsTrust.systemDefault())));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).startsWith("TLS handshake with 127.0.0.1:" + NGINX.port("valid") + " failed");
    }

    @Test
    void shouldBeDegradedWhenTheCertificateExpiresWithinTheWarningDays() {
        ProbeResult result = await(probe.probe(
                target(NGINX.port("expiring"), "expiring.herald.test", TlsTrust.trustAllCertificates())));

        String expiry = LocalDate.now(ZoneOffset.UTC).plusDays(3).toString();
        assertThat(result.outcome()).isEqualTo(CheckOutcome.DEGRADED);
        assertThat(result.detail()).startsWith("certificate expires in 3 days (" + expiry + ")");
    }

    @Test
    void shouldSendTheSniHostSoTheServerPicksThatCertificate() {
        ProbeResult result = await(probe.probe(
                target(NGINX.port("valid"), "expiring.herald.test", TlsTrust.trustAllCertificates())));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DEGRADED);
        assertThat(result.detail()).endsWith("for expiring.herald.test (CN=expiring.herald.test)");
    }

    @Test
    void shouldBeDownWhenTheCertificateHasExpired() {
        ProbeResult result = await(probe.probe(
                target(NGINX.port("expired"), "expired.herald.test", TlsTrust.trustAllCertificates())));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).startsWith("certificate expired").contains("(2024-02-01)");
    }

    @Test
    void shouldBeDownWithRefusedWhenNothingListens() {
        int closedPort = ManagedServer.freePort();

        ProbeResult result = await(probe.probe(target(closedPort, null, TlsTrust.trustAllCertificates())));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("connection refused: 127.0.0.1:" + closedPort);
    }

    @Test
    void shouldTimeOutWhenTheServerNeverAnswersTheHandshake() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            ProbeResult result = await(probe.probe(new TlsTarget(
                    "127.0.0.1", silent.tcpPort(), SHORT, null, TlsTrust.trustAllCertificates(), 14)));

            assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
            assertThat(result.detail()).isEqualTo("timed out after 1s waiting for the TLS handshake");
        }
    }
}
