package io.herald.api.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long each kind of history is kept in PostgreSQL. */
@ConfigMapping(prefix = "herald.api.retention")
public interface RetentionConfig {

    /** Status changes older than this are deleted (env HERALD_API_RETENTION_STATUS_CHANGES). */
    @WithDefault("400d")
    Duration statusChanges();

    /** Per-day uptime totals older than this are deleted (env HERALD_API_RETENTION_UPTIME_DAYS). */
    @WithDefault("800d")
    Duration uptimeDays();

    /** Raw latency samples older than this are deleted (env HERALD_API_RETENTION_LATENCY_RAW). */
    @WithDefault("24h")
    Duration latencyRaw();

    /** Hourly latency percentiles older than this are deleted (env HERALD_API_RETENTION_LATENCY_HOURLY). */
    @WithDefault("90d")
    Duration latencyHourly();

    /** How often the clean-up runs (env HERALD_API_RETENTION_INTERVAL). */
    @WithDefault("1h")
    String interval();
}
