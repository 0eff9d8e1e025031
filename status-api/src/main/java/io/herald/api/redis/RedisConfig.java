package io.herald.api.redis;

import io.herald.model.RedisKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The prefix every Herald key, stream and channel name starts with. */
@ConfigMapping(prefix = "herald.redis")
public interface RedisConfig {

    /** Key prefix (env HERALD_REDIS_PREFIX); several pages or test suites can share one Redis. */
    @WithDefault(RedisKeys.DEFAULT_PREFIX)
    String prefix();
}
