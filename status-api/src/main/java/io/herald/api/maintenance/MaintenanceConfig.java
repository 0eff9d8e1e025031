package io.herald.api.maintenance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How maintenances move on by themselves. */
@ConfigMapping(prefix = "herald.api.maintenance")
public interface MaintenanceConfig {

    /** How often the scheduler looks for maintenances due to move on (env HERALD_API_MAINTENANCE_TICK). */
    @WithDefault("15s")
    String tick();

    /** How long a maintenance stays verifying after scheduled_until (env HERALD_API_MAINTENANCE_VERIFYING). */
    @WithDefault("15m")
    Duration verifying();
}
