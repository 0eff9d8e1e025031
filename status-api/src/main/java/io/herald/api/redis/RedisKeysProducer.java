package io.herald.api.redis;

import io.herald.model.RedisKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Every Redis name comes from the contract's {@link RedisKeys}, built once from the configured prefix. */
public class RedisKeysProducer {

    @Produces
    @Singleton
    RedisKeys keys(RedisConfig config) {
        return new RedisKeys(config.prefix());
    }
}
