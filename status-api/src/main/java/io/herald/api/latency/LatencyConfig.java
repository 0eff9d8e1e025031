package io.herald.api.latency;

import io.herald.model.RedisKeys;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How status-api reads latency samples from the signals stream and rolls them up. */
@ConfigMapping(prefix = "herald.api.latency")
public interface LatencyConfig {

    /**
     * Consumer group on the signals stream (env HERALD_API_LATENCY_GROUP); status-api's own, so the evaluators'
     * group is untouched.
     */
    @WithDefault(RedisKeys.LATENCY_GROUP)
    String group();

    /** Entries read per XREADGROUP (env HERALD_API_LATENCY_BATCH). */
    @WithDefault("200")
    int batch();

    /** How long one XREADGROUP waits for new entries (env HERALD_API_LATENCY_BLOCK). */
    @WithDefault("5s")
    Duration block();

    /** Wait before retrying after Redis or PostgreSQL failed (env HERALD_API_LATENCY_RETRY_DELAY). */
    @WithDefault("2s")
    Duration retryDelay();

    /** How often hourly percentiles are recomputed from the samples (env HERALD_API_LATENCY_ROLLUP_EVERY). */
    @WithDefault("5m")
    String rollupEvery();
}
