package io.herald.ingest.evaluate;

import io.herald.ingest.redis.LuaScript;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Records a component's new status in one atomic step: check state, current-status hash, changes stream and
 * live notice. It is a compare-and-set on the current status, so a replayed signal, or a second evaluator
 * that got there first, never writes or publishes the same change twice. Blocking: call it from the
 * evaluator's own thread, never from an event loop.
 */
@Singleton
public class StatusWriter {
    /*
     * KEYS: current-status hash, changes stream, check-states hash.
     * ARGV: component, expected previous status ('' = none), new status, ComponentState JSON,
     *       StatusChange JSON, changes max length, live channel, change field, check id ('' = none), check JSON.
     * Returns {'changed', stream id} | {'same', status} | {'conflict', status found}.
     */
    private static final LuaScript WRITE = new LuaScript("""
            if ARGV[9] ~= '' then redis.call('HSET', KEYS[3], ARGV[9], ARGV[10]) end
            local found = ''
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current then
              local ok, decoded = pcall(cjson.decode, current)
              if ok and type(decoded) == 'table' and type(decoded['status']) == 'string' then found = decoded['status'] end
            end
            if found == ARGV[3] then return {'same', found} end
            if found ~= ARGV[2] then return {'conflict', found} end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
            local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], '*', ARGV[8], ARGV[5])
            redis.call('PUBLISH', ARGV[7], '{"id":"' .. id .. '","change":' .. ARGV[5] .. '}')
            return {'changed', id}
            """);

    private final RedisDataSource redis;
    private final RedisKeys keys;
    private final EvaluatorConfig config;

    public StatusWriter(RedisDataSource redis, RedisKeys keys, EvaluatorConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** What happened: written (with the changes-stream id), already so, or someone else's status was found. */
    public record Outcome(Kind kind, String value) {
        public enum Kind { CHANGED, SAME, CONFLICT }

        /** The status now in the hash, when the outcome is SAME or CONFLICT (null for none). */
        public ComponentStatus found() {
            return value == null || value.isEmpty() ? null : ComponentStatus.parse(value).orElse(null);
        }
    }

    /**
     * @param expected the status believed to be in the hash now, or null for none
     * @param checkId  the check whose state to persist in the same step, or null
     */
    public Outcome write(String component, ComponentStatus expected, ComponentEvaluation now, Instant at,
            String checkId, CheckState checkState) {
        StatusChange change = new StatusChange(component, expected, now.status(), at, now.cause(), now.detail());
        ComponentState state = new ComponentState(component, now.status(), at, now.cause(), now.detail());
        Response reply = WRITE.run(redis,
                List.of(keys.currentStatus(), keys.changes(), keys.checkStates()),
                List.of(component, expected == null ? "" : expected.wire(), now.status().wire(),
                        HeraldJson.write(state), HeraldJson.write(change), Long.toString(config.changesMaxLen()),
                        keys.liveChannel(), RedisKeys.CHANGE_FIELD,
                        checkId == null ? "" : checkId, checkState == null ? "" : HeraldJson.write(checkState)));
        Outcome.Kind kind = Outcome.Kind.valueOf(reply.get(0).toString().toUpperCase());
        return new Outcome(kind, reply.get(1).toString());
    }

    /** Persists a check's state alone (its component cannot be evaluated yet). */
    public void saveCheck(String checkId, CheckState state) {
        redis.hash(String.class).hset(keys.checkStates(), checkId, HeraldJson.write(state));
    }
}
