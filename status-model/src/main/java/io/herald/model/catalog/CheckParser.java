package io.herald.model.catalog;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * One check: the keys every check has (id, name, type, interval, timeout, thresholds, quorum), with defaults by
 * kind, then its type's own options read by the type's registered {@link CheckOptionsParser}.
 */
final class CheckParser {
    static final Set<String> COMMON = Set.of("id", "name", "type", "interval", "timeout", "failures_to_down",
            "successes_to_up", "latency_limit", "quorum", "expect_every");

    private CheckParser() {
    }

    /** @param any the check's keys, not yet narrowed to the ones its type allows */
    static CheckDef read(Fields any, String componentId) {
        String typeText = any.required("type");
        CheckOptionsParser parser = CheckTypes.find(typeText).orElseThrow(() -> any.error("type",
                "unknown check type '" + typeText + "' (expected " + CheckTypes.names() + ")"));
        Set<String> keys = new HashSet<>(COMMON);
        keys.addAll(parser.keys());
        Fields fields = any.only(keys);

        CheckType type = parser.type();
        boolean probe = type.kind() == CheckType.Kind.PROBE;
        String id = fields.uniqueId();
        String name = fields.text("name");
        Duration interval = fields.duration("interval",
                type.kind() == CheckType.Kind.PULL ? Duration.ofMinutes(1) : Duration.ofSeconds(30));
        Duration timeout = fields.duration("timeout", Duration.ofSeconds(10));
        Duration latencyLimit = fields.duration("latency_limit", null);
        int failures = fields.number("failures_to_down", probe ? 3 : 1, 1, 1000);
        int successes = fields.number("successes_to_up", probe ? 2 : 1, 1, 1000);
        int quorum = fields.number("quorum", 1, 1, 1000);
        if (!probe && fields.has("quorum")) {
            throw fields.error("quorum",
                    "only probes run from several locations; a " + type.wire() + " check has no quorum");
        }
        if (type.isProbe() && timeout.compareTo(interval) > 0) {
            // Without a timeout of its own, the default one is too long for this interval.
            throw fields.error(fields.has("timeout") ? "timeout" : "interval",
                    "the timeout" + (fields.has("timeout") ? "" : " (10s by default)") + " must not exceed the interval");
        }
        Duration expectEvery = fields.duration("expect_every", parser.defaultExpectEvery(interval, timeout));
        if (expectEvery != null && type.isProbe() && expectEvery.compareTo(interval) < 0) {
            throw fields.error("expect_every", "a " + type.wire() + " check runs every " + interval
                    .toString().substring(2).toLowerCase() + "; expect_every must not be shorter than its interval");
        }
        CheckOptions options = parser.read(fields, id);
        return new CheckDef(id, name == null ? id : name, type, componentId, interval, timeout, failures, successes,
                latencyLimit, quorum, options, expectEvery);
    }
}
