package io.herald.ingest.probe;

import java.time.Duration;

/** A mailbox server (IMAP, POP3) as its probe target: where it is and how the connection is secured. */
public interface MailboxTarget {
    String host();

    int port();

    /** Applies to the connect and to each reply the probe waits for. */
    Duration timeout();

    MailSecurity security();

    /** Certificates accepted in the TLS modes. */
    TlsTrust trust();
}
