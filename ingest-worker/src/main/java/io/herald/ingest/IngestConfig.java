package io.herald.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;

/** How signals come in: webhook sources and their tokens, body limits, and how much of the signals stream to keep. */
@ConfigMapping(prefix = "herald.ingest")
public interface IngestConfig {

    /** Webhook sources by name; each is allowed to post to {@code POST /ingest/<name>}. */
    Map<String, Source> sources();

    /** Largest accepted webhook body in bytes. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Approximate cap on the signals stream (XADD MAXLEN ~). */
    @WithDefault("1000000")
    long signalsMaxLen();

    /** How long a webhook de-duplication id is remembered. */
    @WithDefault("24h")
    Duration dedupeTtl();

    interface Source {
        /** Lower-case hex SHA-256 of the source's bearer token; the token itself is never configured. */
        @WithName("token-sha256")
        String tokenSha256();
    }
}
