package io.herald.model.catalog.options;

/** {@code type: imap}: host, port (143, 993 with tls), security and trust. */
public final class ImapOptionsParser extends MailboxOptionsParser {
    public ImapOptionsParser() {
        super("imap", 143, 993);
    }
}
