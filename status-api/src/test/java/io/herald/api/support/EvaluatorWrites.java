package io.herald.api.support;

import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.herald.model.StreamIds;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Does what ingest-worker's evaluator does on a change, in one Lua script: HSET the current state, XADD the
 * change to the changes stream under an id chosen in Java, PUBLISH the {@link LiveNotice} encoded by the model with
 * that id on the live channel. An id not after the stream's last entry is chosen again after it, as the evaluator's
 * writer does.
 */
public final class EvaluatorWrites {
    private static final String SCRIPT = """
            local top = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)[1]
            if top then
              local tm, ts = string.match(top[1], '^(%d+)-(%d+)$')
              local im, is = string.match(ARGV[6], '^(%d+)-(%d+)$')
              tm, ts, im, is = tonumber(tm), tonumber(ts), tonumber(im), tonumber(is)
              if im < tm or (im == tm and is <= ts) then return {'behind', top[1]} end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            local id = redis.call('XADD', KEYS[2], ARGV[6], ARGV[5], ARGV[3])
            redis.call('PUBLISH', ARGV[4], ARGV[7])
            return {'changed', id}
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
        return write(new StatusChange(component, from, to, at, cause, detail),
                new ComponentState(component, to, at, cause, detail));
    }

    /** Moves a component to a status whose checks are silent: a stale state ({@code staleDetail} says why). */
    public String staleChange(String component, ComponentStatus from, ComponentStatus to, String cause,
            String staleDetail) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return write(new StatusChange(component, from, to, at, cause, "", true, staleDetail),
                new ComponentState(component, to, at, cause, "", true, staleDetail));
    }

    /**
     * A refresh: the component keeps its status (and the time it began), only its staleness changes, as the
     * evaluator writes it when a monitor goes silent or speaks again.
     */
    public String refresh(String component, ComponentStatus status, String cause, boolean stale, String staleDetail) {
        String held = redis.hash(String.class).hget(keys.currentStatus(), component);
        Instant since = held == null ? Instant.now() : HeraldJson.read(held, ComponentState.class).since();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return write(new StatusChange(component, status, status, at, cause, "", stale, staleDetail),
                new ComponentState(component, status, since, cause, "", stale, staleDetail));
    }

    /** What the first evaluator does on a Redis without one: SET NX the state epoch. */
    public void seedEpoch(String epoch) {
        redis.execute("SET", keys.stateEpoch(), epoch, "NX");
    }

    private String write(StatusChange change, ComponentState state) {
        String component = change.component();
        String after = null;
        while (true) {
            String id = StreamIds.following(after, System.currentTimeMillis());
            Response reply = redis.execute("EVAL", SCRIPT, "2", keys.currentStatus(), keys.changes(), component,
                    HeraldJson.write(state), HeraldJson.write(change), keys.liveChannel(), RedisKeys.CHANGE_FIELD, id,
                    new LiveNotice(id, change).encode());
            if (reply.get(0).toString().equals("changed")) {
                return reply.get(1).toString();
            }
            after = reply.get(1).toString();
        }
    }
}
