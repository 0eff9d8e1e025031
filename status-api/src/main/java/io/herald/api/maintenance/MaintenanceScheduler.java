package io.herald.api.maintenance;

import io.herald.api.read.OverlayRefresh;
import io.herald.api.uptime.UptimeChanges;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Moves maintenances on time by themselves; safe with several replicas (conditional updates). */
@ApplicationScoped
public class MaintenanceScheduler {
    private final MaintenanceService service;
    private final OverlayRefresh overlay;
    private final UptimeChanges uptimeChanges;

    public MaintenanceScheduler(MaintenanceService service, OverlayRefresh overlay, UptimeChanges uptimeChanges) {
        this.service = service;
        this.overlay = overlay;
        this.uptimeChanges = uptimeChanges;
    }

    @Scheduled(every = "${herald.api.maintenance.tick:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return service.advance(Instant.now())
                .invoke(moved -> {
                    if (moved > 0) {
                        Log.infof("%d maintenance(s) moved on", moved);
                        uptimeChanges.changed();
                        overlay.refresh();
                    }
                })
                .onFailure().invoke(f -> Log.warnf("Maintenance tick failed: %s", f.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
