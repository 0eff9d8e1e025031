package io.herald.ingest.support.types;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/**
 * {@code type: test-silent}, for tests only: a probe whose runs never end ({@link SilentProbe}), so the only signals
 * of its checks are the ones a test feeds, from the locations it names.
 */
public final class TestSilentOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("test-silent", CheckType.Kind.PROBE);

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public Set<String> keys() {
        return Set.of();
    }

    @Override
    public CheckOptions read(Fields fields, String checkId) {
        return new NoOptions();
    }
}
