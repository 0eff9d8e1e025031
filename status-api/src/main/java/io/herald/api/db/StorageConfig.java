package io.herald.api.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How status-api behaves while PostgreSQL cannot be reached. */
@ConfigMapping(prefix = "herald.api.storage")
public interface StorageConfig {

    /**
     * How long a request waits for a PostgreSQL connection before it is answered 503 storage-unavailable (the
     * pool's connection timeout; env HERALD_API_STORAGE_ACQUIRE_TIMEOUT).
     */
    @WithDefault("5s")
    Duration acquireTimeout();

    /** The Retry-After of a 503 storage-unavailable answer (env HERALD_API_STORAGE_RETRY_AFTER). */
    @WithDefault("10s")
    Duration retryAfter();

    /**
     * How often PostgreSQL is asked SELECT 1 for the health report (env HERALD_API_STORAGE_CHECK_INTERVAL); the
     * group /q/health/group/storage asks it once more on every call.
     */
    @WithDefault("10s")
    Duration checkInterval();
}
