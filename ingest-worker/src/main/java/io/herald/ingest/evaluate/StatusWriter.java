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
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records a component's new state in one atomic step: check records, current-status hash, changes stream and live
 * notice. A new status is a change; the same status whose staleness (stale flag or its words) or whose failing
 * checks (the cause: another endpoint failing too, an alert joining the probes) changed is a refresh (a change whose
 * from equals its to), written exactly the same way, so the page names what fails now. It is a compare-and-set on the current state,
 * so a replayed signal, or a second evaluator that got there first, never writes or publishes the same change twice.
 * Blocking: call it from the evaluator's own thread, never from an event loop.
 */
@Singleton
public class StatusWriter {
    /*
     * KEYS: current-status hash, changes stream, check-states hash, signals stream.
     * ARGV: 1 component; 2-4 the state believed to be stored: status ('' = none), stale ('1' or '0'), its words (the
     *       stale detail and the cause, see words()); 5-7 the new state: status ('' = only save the checks), stale,
     *       words; 8 its ComponentState JSON;
     *       9 the StatusChange JSON; 10 changes max length; 11 live channel; 12 change field; 13 evaluator group;
     *       14 signals entry handled ('' = none); 15 the changes-stream id chosen for the change; 16 the LiveNotice
     *       JSON (encoded in Java with that id); 17 n; then n pairs (check id, its JSON as read, '' = none) for every
     *       check of the component; then pairs (check id, JSON to save).
     * The entry is acknowledged in the same step as its effect is written, so an entry is either applied and
     * acknowledged or neither: one taken over from a killed worker (XAUTOCLAIM) is never applied twice.
     * The changes-stream id is chosen in Java so that the notice is encoded whole before it is written; an id that is
     * not after the stream's last entry (another writer got there first) writes nothing and returns
     * {'behind', last id}, and the change is tried again with an id after it.
     * Returns {'outdated', check id} when a check changed since it was read (nothing written: read and try again),
     *         {'saved', ''} | {'changed', stream id} | {'same', state found} | {'conflict', state found ('' = none)}.
     */
    private static final LuaScript WRITE = new LuaScript("""
            local n = tonumber(ARGV[17])
            for i = 18, 17 + 2 * n, 2 do
              local now = redis.call('HGET', KEYS[3], ARGV[i]) or ''
              if now ~= ARGV[i + 1] then return {'outdated', ARGV[i]} end
            end
            local function save()
              for i = 18 + 2 * n, #ARGV, 2 do redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1]) end
              if ARGV[14] ~= '' then redis.call('XACK', KEYS[4], ARGV[13], ARGV[14]) end
            end
            if ARGV[5] == '' then
              save()
              return {'saved', ''}
            end
            local status, stale, words = '', '0', ''
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if current then
              local ok, decoded = pcall(cjson.decode, current)
              if ok and type(decoded) == 'table' and type(decoded['status']) == 'string' then
                status = decoded['status']
                if decoded['stale'] == true then stale = '1' end
                if type(decoded['stale_detail']) == 'string' then words = decoded['stale_detail'] end
                words = words .. '\\n'
                if type(decoded['cause']) == 'string' then words = words .. decoded['cause'] end
              end
            end
            if status == ARGV[5] and stale == ARGV[6] and words == ARGV[7] then
              save()
              return {'same', current}
            end
            if status ~= ARGV[2] or stale ~= ARGV[3] or words ~= ARGV[4] then return {'conflict', current or ''} end
            local top = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)[1]
            if top then
              local tm, ts = string.match(top[1], '^(%d+)-(%d+)$')
              local im, is = string.match(ARGV[15], '^(%d+)-(%d+)$')
              tm, ts, im, is = tonumber(tm), tonumber(ts), tonumber(im), tonumber(is)
              if im < tm or (im == tm and is <= ts) then return {'behind', top[1]} end
            end
            save()
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[8])
            local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[10], ARGV[15], ARGV[12], ARGV[9])
            redis.call('PUBLISH', ARGV[11], ARGV[16])
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

    /**
     * What happened: written (with the changes-stream id and the state written), already so, someone else's state
     * was found, a check changed since it was read, or only the checks were saved.
     *
     * @param state the state written (CHANGED) or found (SAME, CONFLICT; null for none or unreadable)
     */
    public record Outcome(Kind kind, String value, ComponentState state) {
        public enum Kind { CHANGED, SAME, CONFLICT, OUTDATED, SAVED }

        /** The status now in the hash, when the outcome is SAME or CONFLICT (null for none). */
        public ComponentStatus found() {
            return state == null ? null : state.status();
        }
    }

    /**
     * Writes the checks' new records and, when the component's status or its staleness changes, the state, the change
     * (or refresh) and the live notice, all only if every check of the component is still as it was read.
     *
     * @param expected the state believed to be in the hash now, or null for none
     * @param now      the component's new evaluation, or null when it cannot be evaluated (only the checks are saved)
     * @param save     the check records to write in the same step (none: empty)
     * @param entryId  the signals-stream entry whose effect this is, acknowledged in the same step, or null
     * @param read     every check of the component with its JSON as read (null or "" when absent)
     */
    public Outcome write(String component, ComponentState expected, ComponentEvaluation now, Instant at,
            Map<String, CheckRecord> save, String entryId, Map<String, String> read) {
        ComponentState state = now == null ? null : stateAfter(component, expected, now, at);
        StatusChange change = now == null ? null : new StatusChange(component,
                expected == null ? null : expected.status(), now.status(), at, now.cause(), now.detail(), now.stale(),
                now.staleDetail());
        String after = lastChangeId.get();
        // Another writer may have added a change since: at most a few rounds, each after the entry it found.
        for (int round = 0; ; round++) {
            String id = StreamIds.following(after, System.currentTimeMillis());
            Response reply = WRITE.run(redis, List.of(keys.currentStatus(), keys.changes(), keys.checkStates(),
                    keys.signals()), arguments(component, expected, state, change, id, save, entryId, read));
            String kind = reply.get(0).toString();
            String value = reply.get(1).toString();
            switch (kind) {
                case "behind" -> {
                    if (round == 16) {
                        throw new IllegalStateException("the changes stream kept moving ahead of this writer (last "
                                + value + ")");
                    }
                    after = value;
                    lastChangeId.accumulateAndGet(value, StreamIds::newer);
                }
                case "changed" -> {
                    lastChangeId.accumulateAndGet(value, StreamIds::newer);
                    return new Outcome(Outcome.Kind.CHANGED, value, state);
                }
                case "same", "conflict" -> {
                    return new Outcome(Outcome.Kind.valueOf(kind.toUpperCase()), value, read(value));
                }
                default -> {
                    return new Outcome(Outcome.Kind.valueOf(kind.toUpperCase()), value, null);
                }
            }
        }
    }

    /** A new status starts now; the same status with other staleness (a refresh) keeps when it started. */
    private static ComponentState stateAfter(String component, ComponentState expected, ComponentEvaluation now,
            Instant at) {
        boolean refresh = expected != null && expected.status() == now.status() && expected.since() != null;
        return new ComponentState(component, now.status(), refresh ? expected.since() : at, now.cause(), now.detail(),
                now.stale(), now.staleDetail());
    }

    /** True when the state shows what the evaluation says: the same status, staleness and its words, and cause. */
    public static boolean shows(ComponentState state, ComponentEvaluation now) {
        return state != null && state.status() == now.status() && state.stale() == now.stale()
                && Objects.equals(state.staleDetail(), now.staleDetail())
                && Objects.equals(blank(state.cause()), blank(now.cause()));
    }

    /** What the script compares beside status and stale flag: the stale detail, a line feed, the cause. */
    private static String words(String staleDetail, String cause) {
        return blank(staleDetail) + "\n" + blank(cause);
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    private static ComponentState read(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return HeraldJson.read(json, ComponentState.class);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private List<String> arguments(String component, ComponentState expected, ComponentState state,
            StatusChange change, String changeId, Map<String, CheckRecord> save, String entryId,
            Map<String, String> read) {
        List<String> args = new ArrayList<>();
        args.add(component);
        if (expected == null || expected.status() == null) {
            args.addAll(List.of("", "0", ""));
        } else {
            args.addAll(List.of(expected.status().wire(), expected.stale() ? "1" : "0",
                    words(expected.staleDetail(), expected.cause())));
        }
        if (state == null) {
            args.addAll(List.of("", "0", "", "", ""));
        } else {
            args.addAll(List.of(state.status().wire(), state.stale() ? "1" : "0",
                    words(state.staleDetail(), state.cause()), HeraldJson.write(state), HeraldJson.write(change)));
        }
        args.addAll(List.of(Long.toString(config.changesMaxLen()), keys.liveChannel(), RedisKeys.CHANGE_FIELD,
                RedisKeys.EVALUATOR_GROUP, entryId == null ? "" : entryId, changeId,
                change == null ? "" : new LiveNotice(changeId, change).encode(), Integer.toString(read.size())));
        read.forEach((id, json) -> {
            args.add(id);
            args.add(json == null ? "" : json);
        });
        save.forEach((id, record) -> {
            args.add(id);
            args.add(HeraldJson.write(record));
        });
        return args;
    }
}
