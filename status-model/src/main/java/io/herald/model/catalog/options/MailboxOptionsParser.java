package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** A mailbox protocol's options (IMAP, POP3): host, port (its plain or TLS default), security and trust. */
abstract class MailboxOptionsParser implements CheckOptionsParser {
    private final CheckType type;
    private final int plainPort;
    private final int tlsPort;

    MailboxOptionsParser(String name, int plainPort, int tlsPort) {
        this.type = new CheckType(name, CheckType.Kind.PROBE);
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
    }

    @Override
    public CheckType type() {
        return type;
    }

    @Override
    public Set<String> keys() {
        return MailSecurityOption.KEYS;
    }

    @Override
    public CheckOptions read(Fields fields, String checkId) {
        String security = MailSecurityOption.read(fields);
        return new MailboxOptions(fields.host("host"), MailSecurityOption.port(fields, security, plainPort, tlsPort),
                security, TrustOption.read(fields));
    }
}
