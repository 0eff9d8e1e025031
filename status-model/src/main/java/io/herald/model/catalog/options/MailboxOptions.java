package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/**
 * A mailbox server read by mail programs (IMAP, POP3).
 *
 * @param security plain, starttls or tls (implicit TLS)
 */
public record MailboxOptions(String host, int port, String security, Trust trust) implements CheckOptions {
}
