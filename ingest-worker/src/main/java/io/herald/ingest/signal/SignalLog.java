package io.herald.ingest.signal;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.redis.LuaScript;
import io.herald.model.RedisKeys;
import io.herald.model.Signal;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Appends signals to the signals stream, trimmed to about {@code herald.ingest.signals-max-len} entries. */
@Singleton
public class SignalLog {
    /**
     * Claims the de-duplication key and appends the signal in one step, so a delivery is never appended twice
     * and never marked seen without being appended. The key keeps the stream entry id to answer repeats with.
     * A repeat is not appended, but the check was heard from: its time (Redis's clock, as entry ids have) goes to the
     * heard hash, so a pull whose upstream says nothing new does not look silent to the evaluator.
     * KEYS: signals stream, dedupe key, heard hash. ARGV: max length, ttl seconds, check id, then field/value pairs.
     */
    private static final LuaScript APPEND_ONCE = new LuaScript("""
            if not redis.call('SET', KEYS[2], '', 'NX', 'EX', ARGV[2]) then
              local time = redis.call('TIME')
              local millis = time[1] .. string.format('%03d', math.floor(tonumber(time[2]) / 1000))
              redis.call('HSET', KEYS[3], ARGV[3], millis)
              return {1, redis.call('GET', KEYS[2])}
            end
            local fields = {}
            for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields))
            redis.call('SET', KEYS[2], id, 'XX', 'KEEPTTL')
            return {0, id}
            """);

    /**
     * A pull's reading, appended only when it differs from the last one appended for its check, in one step: a vendor
     * going degraded and then operational again is two changes, though the second reads as the first reading did.
     * The same reading again is not appended, but the check was heard from (its time goes to the heard hash).
     * KEYS: signals stream, last-pulled hash, heard hash. ARGV: max length, check id, the reading's key, then
     * field/value pairs.
     */
    private static final LuaScript APPEND_IF_CHANGED = new LuaScript("""
            if redis.call('HGET', KEYS[2], ARGV[2]) == ARGV[3] then
              local time = redis.call('TIME')
              local millis = time[1] .. string.format('%03d', math.floor(tonumber(time[2]) / 1000))
              redis.call('HSET', KEYS[3], ARGV[2], millis)
              return {1, ''}
            end
            local fields = {}
            for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields))
            redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
            return {0, id}
            """);

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final RedisKeys keys;
    private final IngestConfig config;

    public SignalLog(ReactiveRedisDataSource redis, RedisKeys keys, IngestConfig config) {
        this.redis = redis;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.keys = keys;
        this.config = config;
    }

    /** Appends the signal; the item is the stream entry id. */
    public Uni<String> append(Signal signal) {
        return streams.xadd(keys.signals(), new XAddArgs().maxlen(config.signalsMaxLen()).nearlyExactTrimming(),
                signal.toFields());
    }

    /** Appends the signal unless this source already delivered one with the same id within the de-dup TTL. */
    public Uni<Appended> appendOnce(Signal signal) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(config.signalsMaxLen()));
        args.add(Long.toString(Math.max(1, config.dedupeTtl().toSeconds())));
        args.add(signal.check());
        for (Map.Entry<String, String> field : signal.toFields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        return APPEND_ONCE.run(redis, List.of(keys.signals(), keys.dedupe(signal.source(), signal.id()), keys.heard()),
                args)
                .map(SignalLog::appended);
    }

    /**
     * Appends a pull's reading unless it is the one last appended for its check ({@code reading}: what the upstream
     * said, such as the service's status and its open issues); the item's entry id is empty when it was not.
     */
    public Uni<Appended> appendIfChanged(Signal signal, String reading) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(config.signalsMaxLen()));
        args.add(signal.check());
        args.add(reading);
        for (Map.Entry<String, String> field : signal.toFields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
        return APPEND_IF_CHANGED.run(redis, List.of(keys.signals(), keys.pulled(), keys.heard()), args)
                .map(SignalLog::appended);
    }

    private static Appended appended(Response reply) {
        return new Appended(reply.get(1).toString(), reply.get(0).toInteger() == 1);
    }

    /** Where the signal is in the stream, and whether it was a repeat that was not appended again. */
    public record Appended(String entryId, boolean duplicate) {
    }
}
