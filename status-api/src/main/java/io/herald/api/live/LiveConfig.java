package io.herald.api.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the read model's evaluated status stays true to Redis. */
@ConfigMapping(prefix = "herald.api")
public interface LiveConfig {

    /**
     * How often the whole current-status hash is re-read as a safety net against a lost live notice
     * (env HERALD_API_RESYNC_INTERVAL).
     */
    @WithDefault("30s")
    Duration resyncInterval();

    /** Wait before subscribing again after the live subscription broke (env HERALD_API_RECONNECT_DELAY). */
    @WithDefault("2s")
    Duration reconnectDelay();
}
