package io.herald.ingest.redis;

import io.herald.model.RedisKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

@Singleton
public class RedisKeysProducer {

    @Produces
    @Singleton
    RedisKeys keys(RedisConfig config) {
        return new RedisKeys(config.prefix());
    }
}
