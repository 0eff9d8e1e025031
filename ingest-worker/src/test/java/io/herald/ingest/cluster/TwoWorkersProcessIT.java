package io.herald.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged workers as real processes on one Redis: they share the probes by lease, and when one is killed
 * with kill -9 in the middle of a stream of webhooks, no signal is lost and none is applied twice.
 */
class TwoWorkersProcessIT {
    private static final String PREFIX = "herald-test-ingest-two:";
    private static final String TOKEN = "two-workers-token";
    private static final int DELIVERIES = 600;
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final List<Process> workers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private HttpServer target;

    @AfterEach
    void stop() throws Exception {
        for (Process worker : workers) {
            worker.destroy();
            worker.waitFor(10, TimeUnit.SECONDS);
            worker.destroyForcibly();
        }
        if (target != null) {
            target.stop(0);
        }
        deleteKeys();
    }

    @Test
    void shouldShareProbesAndLoseNothingWhenAWorkerIsKilled() throws Exception {
        assertThat(JAR).as("the packaged worker (mvn verify packages it before this test)").exists();
        deleteKeys();
        List<Long> hits = new CopyOnWriteArrayList<>();
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/hit", exchange -> {
            hits.add(System.nanoTime());
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("OK".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        target.start();
        Path catalog = writeCatalog(target.getAddress().getPort());
        int portA = freePort();
        int portB = freePort();
        Process a = start("worker-a", portA, catalog);
        Process b = start("worker-b", portB, catalog);
        awaitReady(portA);
        awaitReady(portB);

        // Probes: one run per one-second slot for the location, not one per worker. Once both workers probe, the
        // next eight intervals take about eight seconds (about four if each worker ran its own probe).
        await().atMost(Duration.ofSeconds(15)).until(() -> hits.size() >= 2);
        int first = hits.size() - 1;
        await().atMost(Duration.ofSeconds(20)).until(() -> hits.size() > first + 8);
        Duration eightIntervals = Duration.ofNanos(hits.get(first + 8) - hits.get(first));
        System.out.printf("[two workers] http check at 1 s: 8 intervals took %d ms with two workers%n",
                eightIntervals.toMillis());
        assertThat(eightIntervals).as("two workers, one location: leases keep it to one run per interval")
                .isBetween(Duration.ofMillis(6400), Duration.ofMillis(10700));

        // Webhooks: 8 senders over both workers; worker A is killed with kill -9 after a quarter of the stream.
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger retriedOnB = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        int[] pendingOfAAtKill = {-1};
        for (int i = 0; i < DELIVERIES; i++) {
            String id = "delivery-" + i;
            String status = i % 2 == 0 ? "down" : "up";
            int port = i % 2 == 0 ? portA : portB;
            senders.submit(() -> {
                int attemptPort = port;
                for (int attempt = 0; attempt < 20; attempt++) {
                    try {
                        if (post(attemptPort, id, status) == 202) {
                            accepted.add(id);
                            return;
                        }
                    } catch (IOException refusedOrReset) {
                        // A is gone: a sender retries the same delivery elsewhere.
                        if (attemptPort == portA) {
                            retriedOnB.incrementAndGet();
                        }
                        attemptPort = portB;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> accepted.size() >= DELIVERIES / 4);
        a.destroyForcibly();
        a.waitFor(10, TimeUnit.SECONDS);
        int acceptedAtKill = accepted.size();
        pendingOfAAtKill[0] = pendingOf("worker-a");
        System.out.printf("[two workers] kill -9 of worker A after %d of %d deliveries%n", acceptedAtKill, DELIVERIES);
        senders.shutdown();
        assertThat(senders.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        System.out.printf("[two workers] killed worker A (kill -9) with %d signals read and not acknowledged; "
                + "%d deliveries retried on B%n", pendingOfAAtKill[0], retriedOnB.get());
        assertThat(accepted).hasSize(DELIVERIES);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(pendingOf(null)).as("signals read and not yet acknowledged").isZero();
            assertThat(handledCount("count") + handledCount("superseded")).as("signals handled")
                    .isGreaterThanOrEqualTo(DELIVERIES);
        });
        long applied = handledCount("count");
        long superseded = handledCount("superseded");
        long appended = appendedCount();
        System.out.printf("[two workers] %d deliveries accepted, %d signals appended, %d applied, %d superseded "
                + "(older than one already applied), %d pending%n", accepted.size(), appended, applied, superseded,
                pendingOf(null));
        assertThat(appended).as("no delivery appended twice, none lost").isEqualTo(DELIVERIES);
        assertThat(applied + superseded).as("every signal applied or superseded exactly once").isEqualTo(DELIVERIES);
        assertThat(pendingOf(null)).isZero();
    }

    private int post(int port, String id, String status) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ingest/load"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"check\":\"load-monitor\",\"status\":\"" + status
                        + "\",\"id\":\"" + id + "\",\"detail\":\"delivery " + id + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Process start(String name, int port, Path catalog) throws IOException {
        Path log = Path.of("target", "two-workers-" + name + ".log");
        Process process = new ProcessBuilder("java", "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dherald.catalog.path=" + catalog.toAbsolutePath(),
                "-Dherald.redis.prefix=" + PREFIX,
                "-Dherald.ingest.sources.load.token-sha256=" + sha256(TOKEN),
                "-Dherald.evaluator.consumer=" + name,
                "-Dherald.evaluator.claim-idle=2s",
                "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(process);
        return process;
    }

    private void awaitReady(int port) {
        await("worker on port " + port + " ready (see target/two-workers-*.log)").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static Path writeCatalog(int targetPort) throws IOException {
        Path catalog = Path.of("target", "two-workers-catalog.yaml");
        Files.writeString(catalog, """
                page: {id: two-workers, name: Two workers, url: "http://localhost:18080"}
                services:
                  - id: load
                    name: Load
                    components:
                      - id: load-target
                        name: Webhook target
                        checks:
                          - {id: load-monitor, type: webhook, source: load, failures_to_down: 1000}
                      - id: leased
                        name: Probed by whichever worker holds the lease
                        checks:
                          - {id: leased-http, type: http, url: "http://127.0.0.1:%d/hit", interval: 1s, timeout: 1s}
                """.formatted(targetPort), StandardCharsets.UTF_8);
        return catalog;
    }

    private static String redis(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--raw"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    /** Entries read in group evaluator and never acknowledged: all of them, or one consumer's. */
    private static int pendingOf(String consumer) throws IOException, InterruptedException {
        String out = consumer == null
                ? redis("XPENDING", PREFIX + "{status}:signals", "evaluator")
                : redis("XPENDING", PREFIX + "{status}:signals", "evaluator", "-", "+", "100000", consumer);
        if (consumer == null) {
            String first = out.lines().findFirst().orElse("0").trim();
            return first.matches("\\d+") ? Integer.parseInt(first) : 0;
        }
        return (int) out.lines().filter(l -> l.matches("\\d+-\\d+")).count();
    }

    /**
     * How many signals the evaluators applied to the check ("count") or left unapplied because a later one was
     * applied first ("superseded"); a redelivered entry does not count again.
     */
    private static long handledCount(String field) throws IOException, InterruptedException {
        String json = redis("HGET", PREFIX + "{status}:checks", "load-monitor");
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long appendedCount() throws IOException, InterruptedException {
        List<String> lines = redis("XRANGE", PREFIX + "{status}:signals", "-", "+").lines().toList();
        long count = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).equals("check") && lines.get(i + 1).equals("load-monitor")) {
                count++;
            }
        }
        return count;
    }

    private static void deleteKeys() throws IOException, InterruptedException {
        for (String key : redis("--scan", "--pattern", PREFIX + "*").lines().filter(l -> !l.isBlank()).toList()) {
            redis("DEL", key);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
