package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/**
 * An SMTP server.
 *
 * @param security      plain, starttls or tls (implicit TLS, 465)
 * @param heloName      the EHLO name, or null for the probe's own
 * @param authMechanism PLAIN or LOGIN, used when a user is set
 * @param user          AUTH with these credentials when set
 */
public record SmtpOptions(String host, int port, String security, Trust trust, String heloName, String authMechanism,
        String user, String password) implements CheckOptions {
}
