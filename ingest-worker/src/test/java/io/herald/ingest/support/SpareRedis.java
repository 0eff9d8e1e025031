package io.herald.ingest.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/** A second, throw-away redis-server on a free port, which a test may stop and start again. */
public class SpareRedis implements QuarkusTestResourceLifecycleManager {
    public static final String PORT_PROPERTY = "herald.test.spare-redis-port";

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
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                if (answers(port)) {
                    return server;
                }
                Thread.sleep(50);
            }
            server.destroyForcibly();
            throw new IllegalStateException("redis-server on port " + port + " did not start");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server on this port, whoever started it, and waits until it is gone. */
    public static void stopServer(int port) {
        try {
            TestRedis.run(List.of("redis-cli", "-p", Integer.toString(port), "shutdown", "nosave"));
        } catch (IllegalStateException alreadyGone) {
            // redis-cli reports an error when nothing listens any more; that is the state we want.
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (answers(port) && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
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
        stopServer(port);
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
