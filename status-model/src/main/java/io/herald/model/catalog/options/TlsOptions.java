package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/**
 * A TLS handshake with host:port.
 *
 * @param serverName     the name sent (SNI) and checked in the certificate; null: the host
 * @param certExpiryDays degraded when the certificate expires within this many days (0: off)
 */
public record TlsOptions(String host, int port, String serverName, int certExpiryDays, Trust trust)
        implements CheckOptions {
}
