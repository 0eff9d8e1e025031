package io.herald.api.subscriber;

import io.herald.model.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per client IP in Redis (shared by every replica): burst requests at once, refilled at perMinute.
 * The bucket lives under the module's key prefix; the key is built here because it is status-api's alone (the
 * names in status-model are those that cross process boundaries).
 */
@ApplicationScoped
public class SubscribeRateLimiter {
    // Redis' own clock, so replicas with skewed clocks share one bucket correctly.
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
    private final RedisKeys keys;
    private final SubscriberConfig config;

    public SubscribeRateLimiter(ReactiveRedisDataSource redis, RedisKeys keys, SubscriberConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** @return 0 when the request may go on, else the milliseconds until it may be tried again */
    public Uni<Long> take(String clientIp) {
        return redis.execute("EVAL", SCRIPT, "1", keys.subscribeRate(clientIp),
                        Integer.toString(config.rateLimit().burst()), Integer.toString(config.rateLimit().perMinute()))
                .map(response -> response.toLong());
    }
}
