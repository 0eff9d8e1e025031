package io.herald.ingest.probe.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server (a Debian package) started once per test class: it writes its own config under
 * target/servers/, starts the process on free high ports, waits until every port accepts, and stops it after the
 * class. Register with {@code @RegisterExtension static final XxxServer SERVER = new XxxServer(...)}.
 */
public abstract class ManagedServer implements BeforeAllCallback, AfterAllCallback {

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final String name;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private Path workDir;
    private Process process;

    protected ManagedServer(String name, String... portNames) {
        this.name = name;
        for (String portName : portNames) {
            ports.put(portName, freePort());
        }
    }

    public int port(String portName) {
        Integer port = ports.get(portName);
        if (port == null) {
            throw new IllegalArgumentException(name + " has no port named " + portName);
        }
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    /** Writes the config files into the work dir and returns the command that runs the server. */
    protected abstract List<String> prepare(Path workDir) throws IOException;

    /** Servers that daemonize themselves (postfix) override this to stop through their own command. */
    protected void shutdown(Process process) throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Whether the started command stays in the foreground for the server's life. */
    protected boolean runsInForeground() {
        return true;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        workDir = Path.of("target", "servers", name + "-" + ports.values().iterator().next()).toAbsolutePath();
        Files.createDirectories(workDir);
        List<String> command = prepare(workDir);
        process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("console.log").toFile())
                .start();
        if (!runsInForeground() && process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS) && process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed to start (exit " + process.exitValue() + "): "
                    + Files.readString(workDir.resolve("console.log")));
        }
        for (int port : ports.values()) {
            awaitPort(port);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            shutdown(process);
        }
    }

    private void awaitPort(int port) throws IOException {
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(50)).until(() -> accepts(port));
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " did not open port " + port + " within " + STARTUP + ": "
                    + Files.readString(workDir.resolve("console.log")));
        }
    }

    private boolean accepts(int port) throws IOException {
        if (runsInForeground() && !process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ": "
                    + Files.readString(workDir.resolve("console.log")));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a helper command (openssl, keytool, postfix stop) and fails loudly with its output. */
    public static void run(Path dir, String... command) {
        try {
            Process helper = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(helper.getInputStream().readAllBytes());
            if (!helper.waitFor(30, TimeUnit.SECONDS) || helper.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static List<String> list(String... parts) {
        return new ArrayList<>(List.of(parts));
    }
}
