package io.herald.api.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The SSE stream's keep-alive and limits. */
@ConfigMapping(prefix = "herald.api.stream")
public interface StreamConfig {

    /** Interval of the comment line that keeps proxies from closing an idle stream (env HERALD_API_STREAM_HEARTBEAT). */
    @WithDefault("15s")
    Duration heartbeat();

    /** Changes read per XRANGE while replaying after a Last-Event-ID (env HERALD_API_STREAM_REPLAY_BATCH). */
    @WithDefault("200")
    int replayBatch();

    /** Live notices buffered for one slow client before it is disconnected (env HERALD_API_STREAM_CLIENT_BUFFER). */
    @WithDefault("256")
    int clientBuffer();
}
