package io.herald.ingest.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "herald.redis")
public interface RedisConfig {

    /** Prefix of every Herald key, stream and channel. */
    @WithDefault("herald:")
    String prefix();
}
