package io.herald.api.overlay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often incidents, maintenances and overrides are re-read from PostgreSQL. */
@ConfigMapping(prefix = "herald.api.overlay")
public interface OverlayConfig {

    /**
     * Interval of the re-read (env HERALD_API_OVERLAY_REFRESH). A write on this replica re-reads at once; the
     * interval bounds how late other replicas and expiring overrides show.
     */
    @WithDefault("5s")
    Duration refresh();
}
