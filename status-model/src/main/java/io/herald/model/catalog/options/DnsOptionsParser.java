package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: dns}: resolver, port (53), name, record_type (A) and the expected answer. */
public final class DnsOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("dns", CheckType.Kind.PROBE);
    private static final Set<String> KEYS = Set.of("resolver", "port", "name", "record_type", "expect");
    private static final Set<String> RECORD_TYPES = Set.of("A", "AAAA", "MX", "TXT", "CNAME", "NS");

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
        String recordType = fields.choice("record_type", "A", Fields.UPPER, RECORD_TYPES,
                "a record type (A, AAAA, MX, TXT, CNAME or NS)");
        return new DnsOptions(fields.host("resolver"), fields.port("port", 53), fields.host("name"), recordType,
                fields.text("expect"));
    }
}
