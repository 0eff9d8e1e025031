package io.herald.ingest.evaluate;

import io.herald.ingest.redis.LuaScript;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.herald.model.StreamIds;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records a component's new status in one atomic step: check state, current-status hash, changes stream and
 * live notice. It is a compare-and-set on the current status, so a replayed signal, or a second evaluator
 * that got there first, never writes or publishes the same change twice. Blocking: call it from the
 * evaluator's own thread, never from an event loop.
 */
@Singleton
public class StatusWriter {
    /*
     * KEYS: current-status hash, changes stream, check-states hash, signals stream.
     * ARGV: component, expected previous status ('' = none), new status ('' = only save the check), ComponentState
     *       JSON, StatusChange JSON, changes max length, live channel, change field, check id ('' = none), check JSON,
     *       evaluator group, signals entry applied ('' = none), the changes-stream id chosen for the change, the
     *       LiveNotice JSON (encoded in Java with that id), then pairs of (check id, its JSON as read, '' = none) for
     *       every check of the component.
     * The entry is acknowledged in the same step as its effect is written, so an entry is either applied and
     * acknowledged or neither: one taken over from a killed worker (XAUTOCLAIM) is never applied twice.
     * The changes-stream id is chosen in Java so that the notice is encoded whole before it is written; an id that is
     * not after the stream's last entry (another writer got there first) writes nothing and returns
     * {'behind', last id}, and the change is tried again with an id after it.
     * Returns {'stale', check id} when a check changed since it was read (nothing written: read and try again),
     *         {'saved', ''} | {'changed', stream id} | {'same', status} | {'conflict', status found}.
     */
    private static final LuaScript WRITE = new LuaScript("""
            for i = 15, #ARGV, 2 do
              local now = redis.call('HGET', KEYS[3], ARGV[i]) or ''
              if now ~= ARGV[i + 1] then return {'stale', ARGV[i]} end
            end
            if ARGV[3] == '' then
              if ARGV[9] ~= '' then redis.call('HSET', KEYS[3], ARGV[9], ARGV[10]) end
              if ARGV[12] ~= '' then redis.call('XACK', KEYS[4], ARGV[11], ARGV[12]) end
              return {'saved', ''}
            end
            local found = ''
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current then
              local ok, decoded = pcall(cjson.decode, current)
              if ok and type(decoded) == 'table' and type(decoded['status']) == 'string' then found = decoded['status'] end
            end
            if found ~= ARGV[3] and found ~= ARGV[2] then return {'conflict', found} end
            if found ~= ARGV[3] then
              local top = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)[1]
              if top then
                local tm, ts = string.match(top[1], '^(%d+)-(%d+)$')
                local im, is = string.match(ARGV[13], '^(%d+)-(%d+)$')
                tm, ts, im, is = tonumber(tm), tonumber(ts), tonumber(im), tonumber(is)
                if im < tm or (im == tm and is <= ts) then return {'behind', top[1]} end
              end
            end
            if ARGV[9] ~= '' then redis.call('HSET', KEYS[3], ARGV[9], ARGV[10]) end
            if ARGV[12] ~= '' then redis.call('XACK', KEYS[4], ARGV[11], ARGV[12]) end
            if found == ARGV[3] then return {'same', found} end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
            local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], ARGV[13], ARGV[8], ARGV[5])
            redis.call('PUBLISH', ARGV[7], ARGV[14])
            return {'changed', id}
            """);

    private final RedisDataSource redis;
    private final RedisKeys keys;
    private final EvaluatorConfig config;
    // The newest changes-stream id this writer has seen, to choose the next one without asking Redis.
    private final AtomicReference<String> lastChangeId = new AtomicReference<>();

    public StatusWriter(RedisDataSource redis, RedisKeys keys, EvaluatorConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** What happened: written (with the changes-stream id), already so, or someone else's status was found. */
    public record Outcome(Kind kind, String value) {
        public enum Kind { CHANGED, SAME, CONFLICT, STALE, SAVED }

        /** The status now in the hash, when the outcome is SAME or CONFLICT (null for none). */
        public ComponentStatus found() {
            return value == null || value.isEmpty() ? null : ComponentStatus.parse(value).orElse(null);
        }
    }

    /**
     * Writes the check's new record and, when the component's status changes, the status, the change and the live
     * notice, all only if every check of the component is still as it was read.
     *
     * @param expected the status believed to be in the hash now, or null for none
     * @param now      the component's new evaluation, or null when it cannot be evaluated yet (only the check is saved)
     * @param checkId  the check whose record to write in the same step, or null
     * @param entryId  the signals-stream entry whose effect this is, acknowledged in the same step, or null
     * @param read     every check of the component with its JSON as read (null or "" when absent)
     */
    public Outcome write(String component, ComponentStatus expected, ComponentEvaluation now, Instant at,
            String checkId, CheckRecord record, String entryId, Map<String, String> read) {
        StatusChange change = now == null ? null
                : new StatusChange(component, expected, now.status(), at, now.cause(), now.detail());
        String after = lastChangeId.get();
        // Another writer may have added a change since: at most a few rounds, each after the entry it found.
        for (int round = 0; ; round++) {
            String id = StreamIds.following(after, System.currentTimeMillis());
            Response reply = WRITE.run(redis, List.of(keys.currentStatus(), keys.changes(), keys.checkStates(),
                    keys.signals()), arguments(component, expected, now, change, at, id, checkId, record, entryId, read));
            String kind = reply.get(0).toString();
            String value = reply.get(1).toString();
            if (!kind.equals("behind")) {
                if (kind.equals("changed")) {
                    lastChangeId.accumulateAndGet(value, StreamIds::newer);
                }
                return new Outcome(Outcome.Kind.valueOf(kind.toUpperCase()), value);
            }
            if (round == 16) {
                throw new IllegalStateException("the changes stream kept moving ahead of this writer (last " + value + ")");
            }
            after = value;
            lastChangeId.accumulateAndGet(value, StreamIds::newer);
        }
    }

    private List<String> arguments(String component, ComponentStatus expected, ComponentEvaluation now,
            StatusChange change, Instant at, String changeId, String checkId, CheckRecord record, String entryId,
            Map<String, String> read) {
        List<String> args = new ArrayList<>();
        args.add(component);
        args.add(expected == null ? "" : expected.wire());
        if (now == null) {
            args.addAll(List.of("", "", ""));
        } else {
            ComponentState state = new ComponentState(component, now.status(), at, now.cause(), now.detail());
            args.addAll(List.of(now.status().wire(), HeraldJson.write(state), HeraldJson.write(change)));
        }
        args.addAll(List.of(Long.toString(config.changesMaxLen()), keys.liveChannel(), RedisKeys.CHANGE_FIELD,
                checkId == null ? "" : checkId, record == null ? "" : HeraldJson.write(record),
                RedisKeys.EVALUATOR_GROUP, entryId == null ? "" : entryId,
                changeId, change == null ? "" : new LiveNotice(changeId, change).encode()));
        read.forEach((id, json) -> {
            args.add(id);
            args.add(json == null ? "" : json);
        });
        return args;
    }
}
