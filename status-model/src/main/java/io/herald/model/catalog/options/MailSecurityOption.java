package io.herald.model.catalog.options;

import io.herald.model.catalog.Fields;
import java.util.Set;

/** The {@code security} key the mail types share, and the port it implies when none is given. */
final class MailSecurityOption {
    static final Set<String> KEYS = OptionKeys.of(TrustOption.KEYS, "host", "port", "security");
    private static final Set<String> MODES = Set.of("plain", "starttls", "tls");

    private MailSecurityOption() {
    }

    /** plain, starttls (the default) or tls (implicit TLS from the first byte). */
    static String read(Fields fields) {
        return fields.choice("security", "starttls", Fields.LOWER, MODES, "plain, starttls or tls (implicit TLS)");
    }

    static int port(Fields fields, String security, int plainPort, int tlsPort) {
        return fields.port("port", security.equals("tls") ? tlsPort : plainPort);
    }
}
