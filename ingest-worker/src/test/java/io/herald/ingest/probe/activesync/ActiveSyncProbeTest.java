package io.herald.ingest.probe.activesync;

import static io.herald.ingest.probe.ProbeTestSupport.NORMAL;
import static io.herald.ingest.probe.ProbeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.ingest.probe.testsupport.Certificates;
import io.herald.ingest.probe.testsupport.ManagedServer;
import io.herald.ingest.probe.testsupport.NginxServer;
import io.herald.model.CheckOutcome;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActiveSyncProbeTest {

    private static final String PASSWORD = "phone-pass";

    /** nginx answers as Exchange does, choosing the status by the Basic credentials a phone sends. */
    @RegisterExtension
    static final NginxServer EXCHANGE = new NginxServer((nginx, dir) -> {
        Certificates.Pair cert = Certificates.selfSigned(dir, "exchange", "mail.herald.test", 60);
        page(dir, "Microsoft-Server-ActiveSync/healthcheck.htm", "200 OK<br/>mail.herald.test");
        page(dir, "owa/healthcheck.htm", "200 OK<br/>mail.herald.test");
        return """
                map_hash_bucket_size 128;
                map $http_authorization $eas_status {
                    default 401;
                    "%s" 200;
                    "%s" 403;
                    "%s" 456;
                    "%s" 457;
                }
                server {
                    listen 127.0.0.1:%d ssl;
                    server_name mail.herald.test;
                    ssl_certificate %s;
                    ssl_certificate_key %s;
                    root %s/html;
                    location = /Microsoft-Server-ActiveSync {
                        if ($eas_status = 401) {
                            add_header WWW-Authenticate 'Basic realm="mail.herald.test"' always;
                            return 401;
                        }
                        if ($eas_status = 403) { return 403; }
                        if ($eas_status = 456) { return 456; }
                        if ($eas_status = 457) { return 457; }
                        add_header MS-ASProtocolVersions "2.5,12.0,12.1,14.0,14.1,16.0,16.1" always;
                        add_header MS-ASProtocolCommands "Sync,SendMail,FolderSync,Ping" always;
                        return 200;
                    }
                    location = /autodiscover/autodiscover.json/v1.0/good@herald.test {
                        default_type application/json;
                        return 200 '{"Protocol":"ActiveSync","Url":"https://mail.herald.test/Microsoft-Server-ActiveSync"}';
                    }
                    location /autodiscover/autodiscover.json/v1.0/ {
                        default_type application/json;
                        return 200 '{"ErrorCode":"MailboxNotEnabledForRESTAPI","ErrorMessage":"REST API is not yet supported for this mailbox."}';
                    }
                }
                """.formatted(basic("good"), basic("disabled"), basic("blocked"), basic("expired"),
                nginx.port("https"), cert.cert(), cert.key(), dir);
    }, "https");

    private static final Vertx VERTX = Vertx.vertx();
    private final ActiveSyncProbe probe = new ActiveSyncProbe(VERTX);

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    private static String basic(String user) {
        String pair = user + "@herald.test:" + PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void page(Path dir, String path, String body) {
        try {
            Path file = dir.resolve("html").resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ActiveSyncTarget target(ActiveSyncMode mode, HealthPage page, String user, String password) {
        return new ActiveSyncTarget(URI.create("https://127.0.0.1:" + EXCHANGE.port("https")), NORMAL, mode, page,
                user, password, TlsTrust.trustAllCertificates());
    }

    @Test
    void shouldBeUpWhenOptionsAnswers401WithoutCredentials() {
        ProbeResult result = await(probe.probe(target(ActiveSyncMode.OPTIONS, null, null, null)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).isEqualTo("ActiveSync answered 401 without credentials, as a healthy server does");
    }

    @Test
    void shouldBeUpWhenOptionsAnswers200WithProtocolVersionsForValidCredentials() {
        ProbeResult result = await(probe.probe(
                target(ActiveSyncMode.OPTIONS, null, "good@herald.test", PASSWORD)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).isEqualTo(
                "ActiveSync OK for good@herald.test: protocol versions 2.5,12.0,12.1,14.0,14.1,16.0,16.1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "disabled@herald.test | user disabled@herald.test not enabled for ActiveSync (403)",
            "blocked@herald.test  | ActiveSync account blocked@herald.test is blocked (456)",
            "expired@herald.test  | ActiveSync password of expired@herald.test has expired (457)"
    })
    void shouldBeDownWithTheMeaningOfExchangesRefusals(String user, String detail) {
        ProbeResult result = await(probe.probe(target(ActiveSyncMode.OPTIONS, null, user, PASSWORD)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo(detail);
    }

    @Test
    void shouldBeDownWhenTheCredentialsAreRejected() {
        ProbeResult result = await(probe.probe(
                target(ActiveSyncMode.OPTIONS, null, "good@herald.test", "wrong")));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("ActiveSync rejected the credentials of good@herald.test (401)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ACTIVESYNC, UP", "OWA, UP", "AUTODISCOVER, DOWN"})
    void shouldBeUpOnlyWhenTheHealthPageAnswers200(HealthPage page, CheckOutcome outcome) {
        ProbeResult result = await(probe.probe(target(ActiveSyncMode.HEALTHCHECK, page, null, null)));

        String url = "https://127.0.0.1:" + EXCHANGE.port("https") + page.path();
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.detail()).isEqualTo(
                "health page " + url + " answered " + (outcome == CheckOutcome.UP ? "200" : "404 Not Found"));
    }

    @Test
    void shouldBeUpWhenAutodiscoverNamesTheActiveSyncUrl() {
        ProbeResult result = await(probe.probe(
                target(ActiveSyncMode.AUTODISCOVER, null, "good@herald.test", null)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).isEqualTo(
                "autodiscover for good@herald.test points ActiveSync to https://mail.herald.test/Microsoft-Server-ActiveSync");
    }

    @Test
    void shouldBeDownWhenAutodiscoverNamesNoActiveSync() {
        ProbeResult result = await(probe.probe(
                target(ActiveSyncMode.AUTODISCOVER, null, "nobody@herald.test", null)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo(
                "autodiscover for nobody@herald.test names no ActiveSync protocol (ErrorCode MailboxNotEnabledForRESTAPI)");
    }

    @Test
    void shouldBeDownWithRefusedWhenNothingListens() {
        int closedPort = ManagedServer.freePort();
        ActiveSyncTarget target = new ActiveSyncTarget(URI.create("https://localhost:" + closedPort), NORMAL,
                ActiveSyncMode.OPTIONS, null, null, null, TlsTrust.trustAllCertificates());

        ProbeResult result = await(probe.probe(target));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("connection refused: localhost:" + closedPort);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mode: options                          | UP",
            "mode: healthcheck, health_page: owa    | UP",
            "mode: healthcheck, health_page: mapi   | DOWN",
    })
    void shouldRunTheCatalogsActiveSyncCheck(String options, CheckOutcome expected) {
        io.herald.model.catalog.CheckDef check = io.herald.model.catalog.CatalogLoader.parse("eas.yaml", """
                page: {id: t, name: T, url: "http://localhost"}
                services:
                  - id: s
                    name: S
                    components:
                      - id: c
                        name: C
                        checks:
                          - {id: eas, type: activesync, url: "https://127.0.0.1:%d", trust: any, timeout: 5s, %s}
                """.formatted(EXCHANGE.port("https"), options), name -> null).check("eas").orElseThrow();

        ProbeResult result = await(new ActiveSyncProbe(VERTX).probe(check));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(expected);
    }
}
