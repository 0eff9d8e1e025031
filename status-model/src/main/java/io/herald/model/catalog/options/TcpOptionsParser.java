package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: tcp}: host and port, both required. */
public final class TcpOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("tcp", CheckType.Kind.PROBE);
    private static final Set<String> KEYS = Set.of("host", "port");

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
        return new TcpOptions(fields.host("host"), fields.port("port", null));
    }
}
