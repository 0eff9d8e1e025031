package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: tls}: host, port (443), server_name, cert_expiry_days (14) and trust. */
public final class TlsOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("tls", CheckType.Kind.PROBE);
    private static final Set<String> KEYS = OptionKeys.of(TrustOption.KEYS, "host", "port", "server_name",
            "cert_expiry_days");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public CheckOptions read(Fields fields, String checkId) {
        return new TlsOptions(fields.host("host"), fields.port("port", 443), fields.optionalHost("server_name"),
                fields.number("cert_expiry_days", 14, 0, 365), TrustOption.read(fields));
    }
}
