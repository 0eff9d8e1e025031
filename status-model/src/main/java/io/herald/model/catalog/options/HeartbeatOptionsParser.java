package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Fields;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code type: heartbeat}: a job that calls in when it runs, like Uptime Kuma's push monitors and healthchecks.io.
 * {@code expect_every} is required (how long the job may stay silent, grace included), since silence is what the
 * check watches; the token is {@code token_env} (an environment variable holding the check's own bearer token) or
 * {@code source} (that webhook source's bearer token is accepted), one of the two.
 */
public final class HeartbeatOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("heartbeat", CheckType.Kind.PUSH, CheckType.Silence.DOWN);
    private static final Set<String> KEYS = Set.of("token_env", "source");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    /** None: a heartbeat's silence is the whole point, so the catalog must say how long it may last. */
    @Override
    public Duration defaultExpectEvery(Duration interval, Duration timeout) {
        return null;
    }

    @Override
    public CheckOptions read(Fields fields, String checkId) {
        if (!fields.has("expect_every")) {
            throw fields.error("expect_every", "a heartbeat check needs expect_every: how long its job may stay "
                    + "silent before the check is down, grace included (a job every hour that may run 10 minutes "
                    + "late: 70m)");
        }
        boolean env = fields.has("token_env");
        boolean source = fields.has("source");
        if (env == source) {
            throw fields.error(env ? "source" : "token_env", env
                    ? "give token_env or source, not both: one token is accepted for a heartbeat"
                    : "a heartbeat check needs token_env (an environment variable holding its bearer token) or "
                            + "source (a webhook source whose bearer token it accepts)");
        }
        if (env) {
            String name = fields.required("token_env");
            if (!ENV_NAME.matcher(name).matches()) {
                // Not quoted: a token written here by mistake must not end up in a log.
                throw fields.error("token_env", "must name an environment variable (letters, digits and '_', not "
                        + "starting with a digit) that holds the token, not the token itself");
            }
            return new HeartbeatOptions(name, null);
        }
        String name = fields.required("source");
        if (!Fields.isId(name)) {
            throw fields.error("source", "'" + name + "' is not a source name (lower-case letters, digits and '-')");
        }
        return new HeartbeatOptions(null, name);
    }
}
