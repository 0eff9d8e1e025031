package io.herald.ingest.probe.tls;

import io.herald.ingest.probe.Targets;
import io.herald.ingest.probe.TlsTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * A TLS endpoint.
 *
 * @param sniHost server name sent in the handshake (SNI) and checked against the certificate; null means host
 * @param trust which certificates are accepted
 * @param expiryWarningDays DEGRADED when the certificate expires within this many days
 */
public record TlsTarget(String host, int port, Duration timeout, String sniHost, TlsTrust trust, int expiryWarningDays) {

    public TlsTarget {
        Targets.requireEndpoint(host, port, timeout);
        Objects.requireNonNull(trust, "trust");
        if (expiryWarningDays < 0) {
            throw new IllegalArgumentException("expiryWarningDays must not be negative");
        }
    }

    public String serverName() {
        return sniHost == null || sniHost.isBlank() ? host : sniHost;
    }
}
