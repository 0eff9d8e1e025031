package io.herald.ingest.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Before Quarkus starts: clears this module's Redis keys, starts a real HTTP server for the probes on a free
 * port, and writes the test catalog pointing at it. The server's /flaky status is set over HTTP
 * (POST /flaky/{status}) so tests need no shared static state across class loaders.
 */
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {
    public static final String PREFIX = "herald-test-ingest:";
    public static final String TOKEN = "test-token-for-the-monitor";
    public static final String OTHER_TOKEN = "another-token-for-another-monitor";
    public static final String SENDER_TOKEN = "token-shared-by-the-unsigned-senders";
    public static final String SENDER_USER_PASSWORD = "pingdom:basic-password-for-pingdom";
    public static final String GRAFANA_SECRET = "grafana-contact-point-secret";
    public static final String PAGERDUTY_SECRET = "pagerduty-current-secret";
    public static final String PAGERDUTY_OLD_SECRET = "pagerduty-secret-being-rotated-out";
    public static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** The backup-heartbeat check's own token, given as its token_env variable. */
    public static final String BACKUP_TOKEN = "token-of-the-nightly-backup-job";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        TestRedis.deleteKeys(PREFIX);
        vertx = Vertx.vertx();
        AtomicInteger flakyStatus = new AtomicInteger(200);
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            if (path.startsWith("/flaky/")) {
                flakyStatus.set(Integer.parseInt(path.substring("/flaky/".length())));
                request.response().end("set");
                return;
            }
            switch (path) {
                case "/ok" -> request.response().end("status: OK");
                case "/flaky" -> request.response().setStatusCode(flakyStatus.get()).end("flaky: OK");
                case "/slow" -> vertx.setTimer(400, t -> request.response().end("slow but OK"));
                case "/hang" -> { }
                case "/body" -> request.response().end("nothing to see here");
                case "/json" -> request.response().putHeader("Content-Type", "application/json")
                        .end("{\"status\":{\"checks\":[{\"name\":\"db\",\"state\":\"failing\"},"
                                + "{\"name\":\"web\",\"state\":\"ok\"}]}}");
                case "/needs-header" -> request.response()
                        .setStatusCode("herald".equals(request.getHeader("X-Probe")) ? 200 : 403).end();
                case "/moved" -> request.response().setStatusCode(301).putHeader("Location", "/ok").end();
                case "/vendor/api/v2/summary.json" -> request.response().putHeader("Content-Type", "application/json")
                        .end(UpstreamPayloads.statuspageSummary());
                case "/graph/token" -> UpstreamPayloads.token(request);
                case "/graph/v1.0/admin/serviceAnnouncement/healthOverviews" ->
                        UpstreamPayloads.healthOverviews(request, "http://127.0.0.1:" + request.localAddress().port());
                case "/graph/v1.0/admin/serviceAnnouncement/issues" -> UpstreamPayloads.issues(request);
                default -> request.response().setStatusCode(404).end();
            }
        });
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
            Path catalog = Path.of("target", "test-catalog.yaml").toAbsolutePath();
            String template = Files.readString(Path.of("src/test/resources/test-catalog.yaml"), StandardCharsets.UTF_8);
            Files.writeString(catalog, template.replace("@PROBE_PORT@", Integer.toString(port))
                    .replace("@CLOSED_PORT@", Integer.toString(closedPort())), StandardCharsets.UTF_8);
            Map<String, String> config = new java.util.HashMap<>(senders());
            config.putAll(Map.of(
                    "herald.catalog.path", catalog.toString(),
                    "herald.redis.prefix", PREFIX,
                    "herald.test.probe-port", Integer.toString(port),
                    "herald.ingest.sources.\"test-monitor\".token-sha256", Hashes.sha256Hex(TOKEN),
                    "herald.ingest.sources.\"other-monitor\".token-sha256", Hashes.sha256Hex(OTHER_TOKEN),
                    "herald.ingest.max-body-bytes", "4096",
                    "herald.evaluator.claim-idle", "1s",
                    "herald.evaluator.forget-consumer-after", "3s"));
            config.put("HERALD_TEST_BACKUP_TOKEN", BACKUP_TOKEN);
            config.put("herald.ingest.heartbeat.max-detail", "200");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test environment", e);
        }
    }

    /** One source per sender format; the catalog maps the subjects its fixture payloads name onto its own check. */
    private static Map<String, String> senders() {
        String token = Hashes.sha256Hex(SENDER_TOKEN);
        Map<String, String> config = new java.util.HashMap<>();
        config.put("herald.ingest.sources.am.format", "alertmanager");
        config.put("herald.ingest.sources.am.token-sha256", token);
        config.put("herald.ingest.sources.grafana.format", "grafana");
        config.put("herald.ingest.sources.grafana.auth", "hmac");
        config.put("herald.ingest.sources.grafana.secret", GRAFANA_SECRET);
        config.put("herald.ingest.sources.kuma.format", "uptime-kuma");
        config.put("herald.ingest.sources.kuma.token-sha256", token);
        config.put("herald.ingest.sources.pd.format", "pagerduty");
        config.put("herald.ingest.sources.pd.auth", "hmac");
        config.put("herald.ingest.sources.pd.secrets", PAGERDUTY_OLD_SECRET + "," + PAGERDUTY_SECRET);
        // The deprecated property form still maps a subject (PagerDuty's service id, in the resolved fixture).
        config.put("herald.ingest.sources.pd.checks.PSVC123", "pd-exchange");
        config.put("herald.ingest.sources.signed.format", "standard-webhooks");
        config.put("herald.ingest.sources.signed.auth", "hmac");
        config.put("herald.ingest.sources.signed.secret", STANDARD_SECRET);
        config.put("herald.ingest.sources.pingdom.format", "pingdom");
        config.put("herald.ingest.sources.pingdom.basic-sha256", Hashes.sha256Hex(SENDER_USER_PASSWORD));
        config.put("herald.ingest.sources.azure.format", "azure-monitor");
        config.put("herald.ingest.sources.azure.token-sha256", token);
        return config;
    }

    /** A port nothing listens on: bound once to learn a free number, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
