package io.herald.ingest.probe.tcp;

import io.herald.ingest.probe.Targets;
import java.time.Duration;

/** A TCP endpoint that must accept a connection within the timeout. */
public record TcpTarget(String host, int port, Duration timeout) {

    public TcpTarget {
        Targets.requireEndpoint(host, port, timeout);
    }
}
