package io.herald.api.subscriber;

import io.herald.api.http.RateLimiter;
import io.herald.model.RedisKeys;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Subscribe requests per client IP: a token bucket in Redis (shared by every replica). */
@ApplicationScoped
public class SubscribeRateLimiter {
    private final RateLimiter limiter;
    private final RedisKeys keys;
    private final SubscriberConfig config;

    public SubscribeRateLimiter(RateLimiter limiter, RedisKeys keys, SubscriberConfig config) {
        this.limiter = limiter;
        this.keys = keys;
        this.config = config;
    }

    /** @return 0 when the request may go on, else the milliseconds until it may be tried again */
    public Uni<Long> take(String clientIp) {
        return limiter.take(keys.subscribeRate(clientIp), config.rateLimit().burst(), config.rateLimit().perMinute());
    }
}
