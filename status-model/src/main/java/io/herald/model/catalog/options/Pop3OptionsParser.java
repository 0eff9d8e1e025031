package io.herald.model.catalog.options;

/** {@code type: pop3}: host, port (110, 995 with tls), security and trust. */
public final class Pop3OptionsParser extends MailboxOptionsParser {
    public Pop3OptionsParser() {
        super("pop3", 110, 995);
    }
}
