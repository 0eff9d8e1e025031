package io.herald.api.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the history consumer reads the changes stream. */
@ConfigMapping(prefix = "herald.api")
public interface HistoryConfig {

    /**
     * This process's consumer name in the status-api group (env HERALD_API_CONSUMER). Give every replica its own
     * name, so that on restart it re-reads exactly its own pending entries.
     */
    @WithDefault("${HOSTNAME:status-api}")
    String consumer();

    History history();

    interface History {
        /** Entries read per XREADGROUP (env HERALD_API_HISTORY_BATCH). */
        @WithDefault("50")
        int batch();

        /** How long one XREADGROUP waits for new entries (env HERALD_API_HISTORY_BLOCK). */
        @WithDefault("5s")
        Duration block();

        /** Wait before retrying after Redis or PostgreSQL failed (env HERALD_API_HISTORY_RETRY_DELAY). */
        @WithDefault("2s")
        Duration retryDelay();

        /** Changes the history endpoint returns when no limit is given (env HERALD_API_HISTORY_DEFAULT_LIMIT). */
        @WithDefault("50")
        int defaultLimit();

        /** The largest limit the history endpoint accepts (env HERALD_API_HISTORY_MAX_LIMIT). */
        @WithDefault("500")
        int maxLimit();
    }
}
