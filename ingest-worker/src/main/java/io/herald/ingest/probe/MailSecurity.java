package io.herald.ingest.probe;

/** How a mail protocol probe secures its connection. */
public enum MailSecurity {
    /** No TLS at all. */
    PLAIN,
    /** Plain connection upgraded in-band (STARTTLS / STLS); the server must offer it. */
    STARTTLS,
    /** TLS from the first byte (SMTPS 465, IMAPS 993, POP3S 995). */
    IMPLICIT_TLS;

    /** The catalog's {@code security} option: plain, starttls or tls. */
    public static MailSecurity of(String security) {
        return switch (security) {
            case "plain" -> PLAIN;
            case "tls" -> IMPLICIT_TLS;
            default -> STARTTLS;
        };
    }
}
