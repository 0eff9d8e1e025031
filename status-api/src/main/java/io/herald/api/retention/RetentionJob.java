package io.herald.api.retention;

import io.herald.api.catalog.PageTime;
import io.herald.api.history.StatusChangeRepository;
import io.herald.api.latency.LatencyStore;
import io.herald.api.uptime.UptimeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Deletes history past its retention. Idempotent, so several replicas may run it at once: each deletes what is
 * still there.
 */
@ApplicationScoped
public class RetentionJob {
    private final RetentionConfig config;
    private final StatusChangeRepository changes;
    private final UptimeRepository uptime;
    private final PageTime time;
    private final LatencyStore latency;

    public RetentionJob(RetentionConfig config, StatusChangeRepository changes, UptimeRepository uptime,
            PageTime time, LatencyStore latency) {
        this.latency = latency;
        this.config = config;
        this.changes = changes;
        this.uptime = uptime;
        this.time = time;
    }

    @Scheduled(every = "${herald.api.retention.interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        Instant now = Instant.now();
        return purge(now)
                .flatMap(ignored -> latency.purge(now.minus(config.latencyRaw()), now.minus(config.latencyHourly())))
                .onFailure().invoke(f -> Log.warnf("Retention clean-up failed: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    @WithTransaction
    public Uni<Void> purge(Instant now) {
        return changes.deleteBefore(now.minus(config.statusChanges()))
                .flatMap(deleted -> uptime.deleteDaysBefore(
                        now.minus(config.uptimeDays()).atZone(time.zone()).toLocalDate()))
                .replaceWithVoid();
    }
}
