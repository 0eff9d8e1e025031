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
            return Map.of(
                    "herald.catalog.path", catalog.toString(),
                    "herald.redis.prefix", PREFIX,
                    "herald.test.probe-port", Integer.toString(port),
                    "herald.ingest.sources.\"test-monitor\".token-sha256", Hashes.sha256Hex(TOKEN),
                    "herald.ingest.sources.\"other-monitor\".token-sha256", Hashes.sha256Hex(OTHER_TOKEN),
                    "herald.ingest.max-body-bytes", "4096",
                    "herald.evaluator.claim-idle", "1s");
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test environment", e);
        }
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
