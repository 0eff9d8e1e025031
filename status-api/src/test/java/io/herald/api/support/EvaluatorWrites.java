package io.herald.api.support;

import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Does what ingest-worker's evaluator does on a change, in one Lua script: HSET the current state, XADD the
 * change to the changes stream, PUBLISH the LiveNotice (with the new entry id) on the live channel.
 */
public final class EvaluatorWrites {
    private static final String SCRIPT = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            local id = redis.call('XADD', KEYS[2], '*', ARGV[5], ARGV[3])
            redis.call('PUBLISH', ARGV[4], '{"id":"' .. id .. '","change":' .. ARGV[3] .. '}')
            return id
            """;

    private final RedisDataSource redis;
    private final RedisKeys keys = new RedisKeys(TestStores.PREFIX);

    public EvaluatorWrites(RedisDataSource redis) {
        this.redis = redis;
    }

    public RedisKeys keys() {
        return keys;
    }

    /** Moves a component to a status; returns the changes-stream entry id. */
    public String change(String component, ComponentStatus from, ComponentStatus to, String cause, String detail) {
        return change(component, from, to, cause, detail, Instant.now());
    }

    /** Moves a component to a status as decided at a given time (to lay down history in the past). */
    public String change(String component, ComponentStatus from, ComponentStatus to, String cause, String detail,
            Instant decidedAt) {
        Instant at = decidedAt.truncatedTo(ChronoUnit.MILLIS);
        StatusChange change = new StatusChange(component, from, to, at, cause, detail);
        ComponentState state = new ComponentState(component, to, at, cause, detail);
        Response id = redis.execute("EVAL", SCRIPT, "2", keys.currentStatus(), keys.changes(), component,
                HeraldJson.write(state), HeraldJson.write(change), keys.liveChannel(), RedisKeys.CHANGE_FIELD);
        return id.toString();
    }
}
