package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: pop3}: host, port (110, 995 with tls), security and trust. */
public final class Pop3OptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("pop3", CheckType.Kind.PROBE);

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public Set<String> keys() {
        return MailSecurityOption.KEYS;
    }

    @Override
    public CheckOptions read(Fields fields, String checkId) {
        String security = MailSecurityOption.read(fields);
        return new MailboxOptions(fields.host("host"), MailSecurityOption.port(fields, security, 110, 995), security,
                TrustOption.read(fields));
    }
}
