package io.herald.api.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long a browser or CDN may keep a public read before asking again (with If-None-Match). */
@ConfigMapping(prefix = "herald.api")
public interface HttpConfig {

    /** Cache-Control max-age of public reads (env HERALD_API_CACHE_MAX_AGE). */
    @WithDefault("5s")
    Duration cacheMaxAge();
}
