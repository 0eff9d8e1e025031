package io.herald.ingest.support.types;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.util.Set;

/**
 * {@code type: test-heartbeat}, for tests only: a pushed check whose silence means down, as a heartbeat's does. The
 * evaluator knows no type by name, only its {@link CheckType.Silence}; tests feed its signals into the stream.
 */
public final class TestHeartbeatOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("test-heartbeat", CheckType.Kind.PUSH, CheckType.Silence.DOWN);

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
