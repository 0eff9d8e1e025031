package io.herald.ingest.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.testsupport.Certificates;
import io.herald.ingest.probe.tls.TlsProbe;
import io.herald.model.CheckOutcome;
import io.herald.model.catalog.CatalogLoader;
import io.herald.model.catalog.CheckDef;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An https check's certificate expiry, against an in-process HTTPS server (a real server cannot be handed a
 * certificate about to expire on demand): degraded within cert_expiry_days, up otherwise, and what the page says.
 */
class HttpsCertificateExpiryTest {
    private static final Vertx VERTX = Vertx.vertx();
    private static HttpServer soon;
    private static HttpServer later;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "https-expiry").toAbsolutePath());
        soon = server(Certificates.selfSigned(dir, "soon", "soon.herald.test", 5));
        later = server(Certificates.selfSigned(dir, "later", "later.herald.test", 400));
    }

    private static HttpServer server(Certificates.Pair pair) {
        return VERTX.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(
                        new PemKeyCertOptions().setCertPath(pair.cert().toString()).setKeyPath(pair.key().toString())))
                .requestHandler(request -> request.response().endAndForget("OK"))
                .listen(0, "127.0.0.1").await().atMost(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        VERTX.closeAndAwait();
    }

    private static CheckDef check(int port) {
        return CatalogLoader.parse("t.yaml", """
                page: {id: t, name: T, url: "http://localhost"}
                services:
                  - id: s
                    name: S
                    components:
                      - id: c
                        name: C
                        checks:
                          - {id: web, type: http, url: "https://127.0.0.1:%d/", cert_expiry_days: 30, trust: any, timeout: 5s}
                """.formatted(port), name -> null).check("web").orElseThrow();
    }

    private static ProbeResult probe(HttpServer server) {
        return new HttpProbe(VERTX, new TlsProbe(VERTX)).probe(check(server.actualPort()))
                .await().atMost(Duration.ofSeconds(15));
    }

    @Test
    void shouldBeDegradedWhenTheCertificateExpiresWithinTheConfiguredDays() {
        ProbeResult result = probe(soon);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.DEGRADED);
        assertThat(result.detail()).contains("expires in").contains("HTTP 200 from https://127.0.0.1:");
    }

    @Test
    void shouldBeUpWhenTheCertificateHasTimeLeft() {
        ProbeResult result = probe(later);
        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).startsWith("HTTP 200 from https://127.0.0.1:");
    }
}
