package io.herald.system.browser;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged services run as processes for the browser tests, with their own ports, Redis prefix and database.
 * Unlike the end-to-end stack it can stop and start status-web alone, to prove the page reconnects.
 */
final class BrowserStack implements AutoCloseable {
    static final String TOKEN = "browser-" + UUID.randomUUID();
    /** The operator status-api creates at start when it has none; the bcrypt of "bootstrap operator password". */
    static final String OPERATOR = "browser-operator";
    static final String OPERATOR_PASSWORD = "bootstrap operator password";
    private static final String OPERATOR_BCRYPT = "$2a$10$yT7mP8PVmj4eqlpa.xIetej7xhC1UREqjdy7C4xM3UHG4OSPXk0Ie";

    final Path root = Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize();
    final Path logs = root.resolve("system-tests/target/browser-logs");
    final int webPort = freePort();
    final int apiPort = freePort();
    final int ingestPort = freePort();
    final String prefix = "herald-browser-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    final String database = "herald_browser";
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final List<String> apiArgs = new ArrayList<>();
    private final List<String> webArgs = new ArrayList<>();
    private String apiUrl;
    private int replicaPort;

    /** Extra -D options for status-api and for status-web (single sign-on), before start. */
    BrowserStack with(List<String> forApi, List<String> forWeb) {
        apiArgs.addAll(forApi);
        webArgs.addAll(forWeb);
        return this;
    }

    /** A configuration property status-web is started with (before start), such as a shorter interval. */
    BrowserStack webProperty(String name, String value) {
        webArgs.add("-D" + name + "=" + value);
        return this;
    }

    /** status-api, ingest-worker and status-web against the local Redis and PostgreSQL. */
    BrowserStack start() throws Exception {
        Files.createDirectories(logs);
        run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database);
        run("createdb", "-h", "127.0.0.1", "-U", "postgres", database);
        List<String> api = new ArrayList<>(List.of(
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "-Dherald.api.bootstrap-admin-user=" + OPERATOR,
                "-Dherald.api.bootstrap-admin-password-bcrypt=" + OPERATOR_BCRYPT));
        api.addAll(apiArgs);
        start("status-api", apiPort, api.toArray(String[]::new));
        awaitReady("status-api", apiPort);
        start("ingest-worker", ingestPort, "-Dherald.ingest.sources.browser.token-sha256=" + sha256(TOKEN));
        apiUrl = "http://127.0.0.1:" + apiPort;
        startWeb();
        awaitReady("ingest-worker", ingestPort);
        return this;
    }

    /** status-web alone, against any status-api (a fake one, for pages whose data status-api cannot serve yet). */
    BrowserStack startWebOnly(String statusApiUrl) throws Exception {
        Files.createDirectories(logs);
        apiUrl = statusApiUrl;
        startWeb();
        return this;
    }

    void startWeb() throws Exception {
        startWeb("status-web", webPort);
    }

    /** A second status-web on its own port against the same status-api, as a second replica behind a balancer. */
    String startWebReplica() throws Exception {
        replicaPort = freePort();
        startWeb("status-web-replica", replicaPort);
        return "http://127.0.0.1:" + replicaPort;
    }

    private void startWeb(String name, int port) throws Exception {
        List<String> web = new ArrayList<>(List.of("-Dherald.web.api-url=" + apiUrl, "-Dherald.web.reconnect-max=2s"));
        web.addAll(webArgs);
        start(name, "status-web", port, web.toArray(String[]::new));
        awaitReady(name, port);
    }

    void stopWeb() throws InterruptedException {
        Process web = processes.remove("status-web");
        if (web != null) {
            web.destroy();
            if (!web.waitFor(20, TimeUnit.SECONDS)) {
                web.destroyForcibly();
            }
        }
    }

    private void start(String module, int port, String... extra) throws IOException {
        start(module, module, port, extra);
    }

    private void start(String name, String module, int port, String... extra) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dherald.catalog.path=" + root.resolve("system-tests/src/test/resources/browser-catalog.yaml"),
                "-Dherald.redis.prefix=" + prefix));
        command.addAll(List.of(extra));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        builder.environment().put("BROWSER_WEB_PORT", Integer.toString(webPort));
        builder.environment().put("BROWSER_API_PORT", Integer.toString(apiPort));
        processes.put(name, builder.start());
    }

    private void awaitReady(String module, int port) {
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
                Process process = processes.get(module);
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException(module + " exited early; see " + logs.resolve(module + ".log"));
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(module + " not ready after 90 s; see " + logs.resolve(module + ".log"));
        }
    }

    String web() {
        return "http://127.0.0.1:" + webPort;
    }

    String api() {
        return "http://127.0.0.1:" + apiPort;
    }

    String ingest() {
        return "http://127.0.0.1:" + ingestPort;
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes.values()) {
            process.destroy();
        }
        for (Process process : processes.values()) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        processes.clear();
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

    static int freePort() {
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
