package io.herald.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged status-api as a real process: webhook deliveries are pending a retry when the process is stopped
 * (SIGTERM) or killed (kill -9); after a start on the same database every delivery arrives once, answered 2xx, and
 * the delivery log says delivered.
 */
class DeliveryRestartProcessIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String PREFIX = "herald-test-deliver-process:";
    private static final String TOKEN = "deliver-process-admin-token";
    private static final int INCIDENTS = 3;
    private static final List<String> PATHS = List.of("/helpdesk", "/oncall");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String database = "herald_deliver_process_" + System.nanoTime();
    private Process process;
    private HttpServer receiver;
    private volatile int answer = 500;
    /** Every request the receiver got: path, webhook-id, the status it answered. */
    private final List<String[]> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", database);
        deleteRedisKeys();
    }

    private static void deleteRedisKeys() throws Exception {
        Process scan = new ProcessBuilder("redis-cli", "--scan", "--pattern", PREFIX + "*").start();
        String keys = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        scan.waitFor(10, TimeUnit.SECONDS);
        for (String key : keys.lines().filter(line -> !line.isBlank()).toList()) {
            run("redis-cli", "DEL", key);
        }
    }

    @Test
    void shouldLoseNoDeliveryWhenTheProcessIsStoppedInTheMiddleOfRetries() throws Exception {
        restartInTheMiddleOfRetries(false);
    }

    @Test
    void shouldLoseNoDeliveryWhenTheProcessIsKilledInTheMiddleOfRetries() throws Exception {
        restartInTheMiddleOfRetries(true);
    }

    private void restartInTheMiddleOfRetries(boolean kill9) throws Exception {
        assertThat(JAR).as("the packaged status-api (mvn verify packages it before this test)").exists();
        deleteRedisKeys();
        assertThat(run("createdb", "-h", "127.0.0.1", "-U", "postgres", database)).isZero();
        startReceiver();
        String name = kill9 ? "killed" : "stopped";

        int port = start(name + "-1");
        for (String path : PATHS) {
            assertThat(admin(port, "POST", "/api/v1/admin/subscribers", Map.of("kind", "webhook",
                    "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path)).statusCode()).isEqualTo(201);
        }
        for (int i = 1; i <= INCIDENTS; i++) {
            assertThat(admin(port, "POST", "/api/v1/admin/incidents", Map.of("name", "Mail delayed " + i,
                    "status", "investigating", "impact", "minor", "body", "Mail leaves late.",
                    "components", Map.of("smtp", "degraded_performance"), "deliver_notifications", true))
                    .statusCode()).isEqualTo(201);
        }
        int expected = INCIDENTS * PATHS.size();
        // every delivery has failed at least twice: each is pending a retry when the process goes away
        await(Duration.ofSeconds(30), () -> idsSeenAtLeast(2) == expected);
        assertThat(count("SELECT count(*) FROM notification_delivery WHERE state = 'pending'")).isEqualTo(expected);
        long attemptsBefore = count("SELECT count(*) FROM delivery_attempt");

        if (kill9) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        answer = 200;
        int requestsWhileDown = received.size();

        port = start(name + "-2");
        await(Duration.ofSeconds(30), () -> count("SELECT count(*) FROM notification_delivery WHERE state = 'delivered'")
                == expected);
        // a delivery sent twice (a lease not honoured after the restart) would show as a second 2xx
        Awaitility.await("no delivery answered 2xx twice").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> received.stream().filter(r -> r[2].equals("200")).count() == expected);

        Map<String, Long> okById = received.stream().filter(r -> r[2].equals("200"))
                .collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        System.out.printf("[deliver process, %s] %d requests before the restart (%d attempts logged), %d in all; "
                + "%d deliveries answered 2xx%n", name, requestsWhileDown, attemptsBefore, received.size(), okById.size());
        assertThat(okById).as("every delivery answered 2xx exactly once").hasSize(expected)
                .allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
        assertThat(received.stream().map(r -> r[1]).distinct().count()).as("no delivery sent under a new id")
                .isEqualTo(expected);

        // the delivery log, as an operator reads it
        for (long subscriber = 1; subscriber <= PATHS.size(); subscriber++) {
            HttpResponse<String> log = admin(port, "GET", "/api/v1/admin/subscribers/" + subscriber + "/deliveries",
                    null);
            assertThat(log.statusCode()).isEqualTo(200);
            JsonNode deliveries = JSON.readTree(log.body());
            assertThat(deliveries).hasSize(INCIDENTS);
            for (JsonNode delivery : deliveries) {
                assertThat(delivery.path("state").asText()).isEqualTo("delivered");
                assertThat(okById).containsKey(delivery.path("id").asText());
                JsonNode attempts = delivery.path("attempt_log");
                JsonNode last = attempts.get(attempts.size() - 1);
                assertThat(last.path("outcome").asText()).isEqualTo("delivered");
                assertThat(last.path("status_code").asInt()).isEqualTo(200);
                assertThat(attempts.size()).as("failed attempts before the restart, then the delivery")
                        .isGreaterThanOrEqualTo(3);
            }
        }
    }

    private void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = answer;
            received.add(new String[] {exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("webhook-id"), Integer.toString(status)});
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** How many deliveries the receiver has seen at least this many times. */
    private long idsSeenAtLeast(int times) {
        Map<String, Long> byId = received.stream().collect(Collectors.groupingBy(r -> r[1], Collectors.counting()));
        return byId.values().stream().filter(n -> n >= times).count();
    }

    private int start(String name) throws Exception {
        int port = freePort();
        Path log = Path.of("target", "deliver-process-" + name + ".log");
        process = new ProcessBuilder("java", "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dherald.redis.prefix=" + PREFIX,
                "-Dherald.api.consumer=deliver-process",
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "-Dherald.catalog.path=" + Path.of("src/test/resources/test-catalog.yaml").toAbsolutePath(),
                "-Dherald.api.bootstrap-admin-token-sha256=" + sha256(TOKEN),
                "-Dherald.subscribers.allow-private-targets=true",
                "-Dherald.subscribers.delivery.poll-interval=100ms",
                "-Dherald.subscribers.delivery.backoff-base=300ms",
                "-Dherald.subscribers.delivery.backoff-max=600ms",
                "-Dherald.subscribers.delivery.timeout=2s",
                "-Dherald.subscribers.delivery.lease=3s",
                "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await(Duration.ofSeconds(60), () -> ready(port));
        return port;
    }

    private boolean ready(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> admin(int port, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(String query) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + query, e);
        }
    }

    private void await(Duration atMost, BooleanSupplier condition) {
        Awaitility.await("see target/deliver-process-*.log").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (process != null && !process.isAlive()) {
                        throw new IllegalStateException("status-api exited; see target/deliver-process-*.log");
                    }
                    return condition.getAsBoolean();
                });
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        if (p.exitValue() != 0) {
            System.out.println(String.join(" ", command) + ": " + out);
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
