package io.herald.api.latency;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Recomputes the hourly percentiles of the last 25 hours from the raw samples (the current hour included, so it
 * is never more than one run behind). An idempotent upsert: several replicas may run it at once.
 */
@ApplicationScoped
public class LatencyRollup {
    private final LatencyStore store;

    public LatencyRollup(LatencyStore store) {
        this.store = store;
    }

    @Scheduled(every = "${herald.api.latency.rollup-every:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return store.rollUp(Instant.now().minus(Duration.ofHours(25))).replaceWithVoid()
                .onFailure().invoke(f -> Log.warnf("Latency roll-up failed: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }
}
