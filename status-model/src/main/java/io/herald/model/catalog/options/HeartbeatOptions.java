package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import java.util.Optional;

/**
 * A check fed by a job that calls ingest-worker's {@code POST /ingest/heartbeat/<check>} when it runs (a backup, a
 * cron job, a queue consumer); silent past {@code expect_every}, it is down. Exactly one of the two says which bearer
 * token a beat must carry.
 *
 * @param tokenEnv the environment variable holding the check's own token, or null
 * @param source   the webhook source whose bearer token is accepted, or null
 */
public record HeartbeatOptions(String tokenEnv, String source) implements CheckOptions {

    public HeartbeatOptions {
        if ((tokenEnv == null) == (source == null)) {
            throw new IllegalArgumentException("exactly one of tokenEnv and source");
        }
    }

    public Optional<String> tokenEnvironmentVariable() {
        return Optional.ofNullable(tokenEnv);
    }

    public Optional<String> sourceName() {
        return Optional.ofNullable(source);
    }
}
