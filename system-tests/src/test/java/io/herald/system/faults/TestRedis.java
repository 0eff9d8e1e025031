package io.herald.system.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own, on a free loopback port with its own directory, so the test may kill it with
 * kill -9 and start it again on the same port from what it kept on disk (never the shared Redis on 6379).
 */
final class TestRedis implements AutoCloseable {
    /** How the server keeps its data: the AOF fsynced before every reply, once a second, or not at all. */
    enum Persistence {
        AOF_ALWAYS("--appendonly", "yes", "--appendfsync", "always"),
        AOF_EVERYSEC("--appendonly", "yes", "--appendfsync", "everysec"),
        NONE("--appendonly", "no");

        final List<String> options;

        Persistence(String... options) {
            this.options = List.of(options);
        }
    }

    final int port = ServiceProcess.freePort();
    final Path dir;
    final Persistence persistence;
    final Resp client = new Resp(port);
    private Process process;

    /** A server that will start with an empty directory (whatever a previous run left there is removed). */
    TestRedis(Path dir, Persistence persistence) throws IOException {
        this.dir = dir;
        this.persistence = persistence;
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Starts the server (again) and waits until it answers PING; returns how long that took. */
    Duration start() throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of("redis-server", "--bind", "127.0.0.1", "--port",
                Integer.toString(port), "--dir", dir.toString(), "--save", "", "--daemonize", "no",
                "--logfile", dir.resolve("redis.log").toString()));
        command.addAll(persistence.options);
        long started = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-stdout.log").toFile())).start();
        await("redis-server on port " + port + " answers PING (see " + dir + ")").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server exited; see " + dir.resolve("redis.log"));
                    }
                    return client.ping();
                });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** kill -9: nothing is flushed, what is not in the file yet is gone. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
