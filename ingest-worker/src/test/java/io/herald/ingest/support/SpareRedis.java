package io.herald.ingest.support;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/** A second, throw-away redis-server on a free port, which a test may stop and start again. */
public class SpareRedis implements QuarkusTestResourceLifecycleManager {
    public static final String PORT_PROPERTY = "herald.test.spare-redis-port";

    private static final Duration START_STOP = Duration.ofSeconds(10);

    private int port;
    private Process process;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        process = startServer(port);
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + port, PORT_PROPERTY, Integer.toString(port));
    }

    /** Starts redis-server without persistence and waits until it answers PING. */
    public static Process startServer(int port) {
        try {
            Process server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                await().atMost(START_STOP).pollInterval(Duration.ofMillis(50)).until(() -> answers(port));
                return server;
            } catch (ConditionTimeoutException e) {
                server.destroyForcibly();
                throw new IllegalStateException("redis-server on port " + port + " did not start");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
        }
    }

    /** Stops the server on this port, whoever started it, and waits until it is gone. */
    public static void stopServer(int port) {
        try {
            TestRedis.run(List.of("redis-cli", "-p", Integer.toString(port), "shutdown", "nosave"));
        } catch (IllegalStateException alreadyGone) {
            // redis-cli reports an error when nothing listens any more; that is the state we want.
        }
        await().atMost(START_STOP).pollInterval(Duration.ofMillis(50)).until(() -> !answers(port));
    }

    /** Kills the server on this port as a crash does (kill -9: nothing saved), and waits until it is gone. */
    public static void killServer(int port) {
        String info = TestRedis.run(List.of("redis-cli", "-p", Integer.toString(port), "info", "server"));
        long pid = info.lines().filter(l -> l.startsWith("process_id:"))
                .map(l -> Long.parseLong(l.substring("process_id:".length()).trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no process_id in " + info));
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(START_STOP).pollInterval(Duration.ofMillis(50)).until(() -> !answers(port));
    }

    public static boolean answers(int port) {
        try {
            return "PONG".equals(TestRedis.run(List.of("redis-cli", "-p", Integer.toString(port), "ping")));
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        try {
            stopServer(port);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }
}
