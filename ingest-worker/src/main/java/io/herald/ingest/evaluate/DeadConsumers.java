package io.herald.ingest.evaluate;

import io.herald.ingest.redis.LuaScript;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes consumers of a group that hold no pending entries and have been idle too long: workers that died or were
 * restarted under another name. Looking and removing is one step, so a consumer that reads an entry meanwhile is
 * never removed with it (XGROUP DELCONSUMER drops a consumer's pending entries); the caller is never removed.
 * Blocking: called from the evaluator's own thread.
 */
@Singleton
public class DeadConsumers {
    /*
     * KEYS: stream. ARGV: group, the caller's consumer name, idle milliseconds. In a script XINFO answers in RESP2:
     * each consumer is a flat list of names and values. Returns the names removed.
     */
    private static final LuaScript FORGET = new LuaScript("""
            local removed = {}
            for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
              local field = {}
              for i = 1, #consumer, 2 do field[consumer[i]] = consumer[i + 1] end
              if field['name'] ~= ARGV[2] and tonumber(field['pending']) == 0
                  and tonumber(field['idle']) > tonumber(ARGV[3]) then
                redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], field['name'])
                removed[#removed + 1] = field['name']
              end
            end
            return removed
            """);

    private final RedisDataSource redis;

    public DeadConsumers(RedisDataSource redis) {
        this.redis = redis;
    }

    /** Removes the group's consumers other than {@code self} idle longer than {@code idle} with nothing pending. */
    public List<String> forget(String stream, String group, String self, Duration idle) {
        Response reply = FORGET.run(redis, List.of(stream), List.of(group, self, Long.toString(idle.toMillis())));
        List<String> removed = new ArrayList<>();
        reply.forEach(name -> removed.add(name.toString()));
        return removed;
    }
}
