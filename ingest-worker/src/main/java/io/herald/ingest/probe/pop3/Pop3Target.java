package io.herald.ingest.probe.pop3;

import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.MailboxTarget;
import io.herald.ingest.probe.Targets;
import io.herald.ingest.probe.TlsTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * A POP3 endpoint.
 *
 * @param timeout applies to the connect and to each reply the probe waits for
 * @param security PLAIN (110), STARTTLS (110, STLS must be listed in CAPA) or IMPLICIT_TLS (995)
 * @param trust certificates accepted in the TLS modes
 */
public record Pop3Target(String host, int port, Duration timeout, MailSecurity security, TlsTrust trust)
        implements MailboxTarget {

    public Pop3Target {
        Targets.requireEndpoint(host, port, timeout);
        Objects.requireNonNull(security, "security");
        trust = trust == null ? TlsTrust.systemDefault() : trust;
    }
}
