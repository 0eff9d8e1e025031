package io.herald.ingest.probe.imap;

import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.MailboxTarget;
import io.herald.ingest.probe.Targets;
import io.herald.ingest.probe.TlsTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * An IMAP endpoint.
 *
 * @param timeout applies to the connect and to each reply the probe waits for
 * @param security PLAIN (143), STARTTLS (143, must be listed in CAPABILITY) or IMPLICIT_TLS (993)
 * @param trust certificates accepted in the TLS modes
 */
public record ImapTarget(String host, int port, Duration timeout, MailSecurity security, TlsTrust trust)
        implements MailboxTarget {

    public ImapTarget {
        Targets.requireEndpoint(host, port, timeout);
        Objects.requireNonNull(security, "security");
        trust = trust == null ? TlsTrust.systemDefault() : trust;
    }
}
