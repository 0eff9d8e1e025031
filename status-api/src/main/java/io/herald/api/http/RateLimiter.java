package io.herald.api.http;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Token buckets in Redis, shared by every replica: {@code burst} requests at once, refilled at {@code perMinute}.
 * Redis' own clock is used, so replicas with skewed clocks share one bucket correctly.
 */
@ApplicationScoped
public class RateLimiter {
    private static final String SCRIPT = """
            local burst = tonumber(ARGV[1])
            local per_ms = tonumber(ARGV[2]) / 60000
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * per_ms)
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.ceil((1 - tokens) / per_ms)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / per_ms) + 1000)
            return wait
            """;

    private final ReactiveRedisDataSource redis;

    public RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Takes one token from the bucket at {@code key}: 0 when the request may go on, else the milliseconds to wait. */
    public Uni<Long> take(String key, int burst, int perMinute) {
        return redis.execute("EVAL", SCRIPT, "1", key, Integer.toString(burst), Integer.toString(perMinute))
                .map(response -> response.toLong());
    }

    /** Whole seconds for a Retry-After header, at least 1. */
    public static long seconds(long waitMillis) {
        return Math.max(1, (waitMillis + 999) / 1000);
    }
}
