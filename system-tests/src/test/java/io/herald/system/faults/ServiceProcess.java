package io.herald.system.faults;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One packaged Herald service (its quarkus-run.jar) as a process on a fixed loopback port, which the test may kill
 * with kill -9 and start again with the same settings; each start appends to the same log file.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    private final Path jar;
    private final Path log;
    private final List<String> options;
    private final Map<String, String> environment;
    private Process process;
    private int starts;

    public ServiceProcess(Path root, String module, String name, int port, Path logs, List<String> options) {
        this(root, module, name, port, logs, options, Map.of());
    }

    /** @param environment variables the process gets beside the test's own (the catalog's placeholders read them) */
    public ServiceProcess(Path root, String module, String name, int port, Path logs, List<String> options,
            Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = logs.resolve(name + ".log");
        this.options = List.copyOf(options);
        this.environment = Map.copyOf(environment);
    }

    public void start() throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (hmvn -B -q -DskipTests"
                    + " package at the root)");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        Files.writeString(log, "==== start " + (++starts) + " of " + name + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** kill -9 of the JVM: no shutdown hook runs, connections are cut where they are. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until /q/health/ready answers 200 and returns how long that took from the call. */
    public Duration awaitReady(Duration atMost) throws IOException {
        long started = System.nanoTime();
        try {
            await(name + " ready").atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
                if (!alive()) {
                    throw new IllegalStateException(name + " exited; see " + log + ":\n" + tail());
                }
                return readyStatus() == 200;
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not ready after " + atMost.toSeconds() + " s; see " + log
                    + ":\n" + tail(), e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The status of /q/health/ready, or -1 when nothing answers. */
    public int readyStatus() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
