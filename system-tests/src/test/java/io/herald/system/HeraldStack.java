package io.herald.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The three packaged services started as real processes against the local Redis and PostgreSQL, each with its own
 * port, Redis prefix and database, so the test never touches a running demo stack.
 */
final class HeraldStack implements AutoCloseable {
    static final String TOKEN = "e2e-" + UUID.randomUUID();

    final Path root = Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize();
    final Path logs = root.resolve("system-tests/target/e2e-logs");
    final int webPort = freePort();
    final int apiPort = freePort();
    final int ingestPort = freePort();
    final String prefix = "herald-e2e-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    final String database = "herald_e2e";
    private final List<Process> processes = new ArrayList<>();

    HeraldStack start() throws Exception {
        Files.createDirectories(logs);
        run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database);
        run("createdb", "-h", "127.0.0.1", "-U", "postgres", database);
        start("status-api", apiPort,
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database);
        awaitReady("status-api", apiPort);
        start("ingest-worker", ingestPort, "-Dherald.ingest.sources.e2e.token-sha256=" + sha256(TOKEN));
        start("status-web", webPort, "-Dherald.web.api-url=http://127.0.0.1:" + apiPort);
        awaitReady("ingest-worker", ingestPort);
        awaitReady("status-web", webPort);
        return this;
    }

    private void start(String module, int port, String... extra) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify at the root)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dherald.catalog.path=" + root.resolve("system-tests/src/test/resources/e2e-catalog.yaml"),
                "-Dherald.redis.prefix=" + prefix));
        command.addAll(List.of(extra));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(module + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("E2E_API_PORT", Integer.toString(apiPort));
        env.put("E2E_WEB_PORT", Integer.toString(webPort));
        processes.add(builder.start());
    }

    private void awaitReady(String module, int port) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return true;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                for (Process process : processes) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(module + " exited early; see " + logs);
                    }
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(module + " not ready after 90 s; see " + logs.resolve(module + ".log")
                    + ":\n" + tail(logs.resolve(module + ".log")));
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    String api() {
        return "http://127.0.0.1:" + apiPort;
    }

    String web() {
        return "http://127.0.0.1:" + webPort;
    }

    String ingest() {
        return "http://127.0.0.1:" + ingestPort;
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        ProcessBuilder scan = new ProcessBuilder("sh", "-c",
                "redis-cli -h 127.0.0.1 --scan --pattern '" + prefix + "*' | xargs -r redis-cli -h 127.0.0.1 del")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        scan.start().waitFor(20, TimeUnit.SECONDS);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
