package io.herald.ingest.probe;

/** How a mail protocol probe secures its connection. */
public enum MailSecurity {
    /** No TLS at all. */
    PLAIN,
    /** Plain connection upgraded in-band (STARTTLS / STLS); the server must offer it. */
    STARTTLS,
    /** TLS from the first byte (SMTPS 465, IMAPS 993, POP3S 995). */
    IMPLICIT_TLS
}
