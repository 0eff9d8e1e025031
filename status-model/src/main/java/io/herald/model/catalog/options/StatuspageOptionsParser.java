package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/** {@code type: statuspage}: the vendor's summary.json url and its component name, pulled on an interval. */
public final class StatuspageOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("statuspage", CheckType.Kind.PULL);
    private static final Set<String> KEYS = Set.of("url", "component");

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
        return new StatuspageOptions(fields.httpUrl("url"), fields.required("component"));
    }
}
