package io.herald.api.uptime;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the uptime reads are bounded and cached. */
@ConfigMapping(prefix = "herald.api.uptime")
public interface UptimeConfig {

    /**
     * How long a computed /api/v1/uptime/days body is reused (env HERALD_API_UPTIME_CACHE_TTL). A stored change
     * drops it at once on this replica; the TTL bounds how old the open interval "up to now" may get.
     */
    @WithDefault("30s")
    Duration cacheTtl();

    /** The most days /api/v1/uptime/days accepts (env HERALD_API_UPTIME_MAX_DAYS). */
    @WithDefault("365")
    int maxDays();
}
