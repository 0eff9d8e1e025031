package io.herald.ingest.probe;

import java.time.Duration;

/**
 * Keeps track of where a probe is in its exchange with the server, so a failure can say what it was waiting for
 * ("timed out after 5s waiting for the greeting") and every result carries the elapsed time.
 */
public final class Conversation {

    private final String host;
    private final int port;
    private final Duration timeout;
    private final Stopwatch stopwatch = Stopwatch.start();
    private String waitingFor;

    public Conversation(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.waitingFor = "the connection to " + host + ":" + port;
    }

    public void waitingFor(String what) {
        this.waitingFor = what;
    }

    public String endpoint() {
        return host + ":" + port;
    }

    public ProbeResult up(String detail) {
        return ProbeResult.up(stopwatch.elapsedMs(), detail);
    }

    public ProbeResult degraded(String detail) {
        return ProbeResult.degraded(stopwatch.elapsedMs(), detail);
    }

    public ProbeResult down(String detail) {
        return ProbeResult.down(stopwatch.elapsedMs(), detail);
    }

    public ProbeResult failed(Throwable failure) {
        return down(ProbeFailures.describe(failure, host, port, timeout, waitingFor));
    }
}
