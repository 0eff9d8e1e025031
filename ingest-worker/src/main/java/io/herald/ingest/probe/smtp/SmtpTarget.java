package io.herald.ingest.probe.smtp;

import io.herald.ingest.probe.MailSecurity;
import io.herald.ingest.probe.Targets;
import io.herald.ingest.probe.TlsTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * An SMTP submission or relay endpoint.
 *
 * @param timeout applies to the connect and to each reply the probe waits for
 * @param security PLAIN (25), STARTTLS (587, must be offered in EHLO) or IMPLICIT_TLS (465)
 * @param trust certificates accepted in the TLS modes
 * @param heloName the name sent with EHLO
 * @param auth optional credentials; null skips AUTH
 */
public record SmtpTarget(String host, int port, Duration timeout, MailSecurity security, TlsTrust trust,
        String heloName, SmtpAuth auth) {

    public SmtpTarget {
        Targets.requireEndpoint(host, port, timeout);
        Objects.requireNonNull(security, "security");
        trust = trust == null ? TlsTrust.systemDefault() : trust;
        heloName = heloName == null || heloName.isBlank() ? "herald-probe.invalid" : heloName;
    }

    public SmtpTarget(String host, int port, Duration timeout, MailSecurity security, TlsTrust trust) {
        this(host, port, timeout, security, trust, null, null);
    }

    public SmtpTarget withAuth(SmtpAuth credentials) {
        return new SmtpTarget(host, port, timeout, security, trust, heloName, credentials);
    }
}
