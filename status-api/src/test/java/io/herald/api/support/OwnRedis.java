package io.herald.api.support;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a free port, so a test can kill it (-9) and start it again empty without
 * touching the shared Redis. status-api connects to it, re-subscribes quickly and re-reads often.
 */
public class OwnRedis implements QuarkusTestResourceLifecycleManager {
    private static volatile int port;
    private static volatile Process process;
    private static volatile Path dir;

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
            dir = Files.createTempDirectory("herald-own-redis");
        } catch (IOException e) {
            throw new IllegalStateException("no free port for a test Redis", e);
        }
        startEmpty();
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + port,
                "herald.api.reconnect-delay", "200ms",
                "herald.api.resync-interval", "500ms");
    }

    @Override
    public void stop() {
        kill();
    }

    /** kill -9: Redis is gone at once, with everything it held (it keeps nothing on disk). */
    public static void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts Redis on the same port with no data, and waits until it answers. */
    public static void startEmpty() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(OwnRedis::answers);
    }

    private static boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[5];
            return in.read(reply) > 0 && new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
