package io.herald.api.overlay;

import io.herald.api.db.SafeContext;
import io.herald.api.incident.IncidentData;
import io.herald.api.incident.IncidentEntity;
import io.herald.api.incident.IncidentViews;
import io.herald.api.read.IncidentChanges;
import io.herald.api.read.OverlayRefresh;
import io.herald.api.read.ReadModel;
import io.herald.api.read.ShownIncident;
import io.herald.api.uptime.UptimeChanges;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the read model's overlay true to PostgreSQL: re-read at start, right after every write on this replica (its
 * writers call {@link OverlayRefresh}) and every {@code herald.api.overlay.refresh}. Each incident or maintenance seen
 * changed since the last read is handed to the read model, which sends it to the SSE clients as an {@code incident}
 * or {@code maintenance} event, on every replica. It also answers the read model's {@link IncidentChanges}.
 */
@ApplicationScoped
public class OverlayFeed implements OverlayRefresh, IncidentChanges {
    private static final Duration LOOK_BACK = Duration.ofMinutes(2);
    /** The most incidents and maintenances replayed to a resuming client; it re-reads the whole state anyway. */
    private static final int REPLAY_LIMIT = 200;

    private final OverlayLoader loader;
    private final ReadModel readModel;
    private final IncidentViews views;
    private final OverlayConfig config;
    private final Vertx vertx;
    private final UptimeChanges uptimeChanges;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile boolean stopping;
    private long timer = -1;

    private record Seen(String signature, Instant updatedAt) {
    }

    public OverlayFeed(OverlayLoader loader, ReadModel readModel, IncidentViews views, OverlayConfig config,
            Vertx vertx, UptimeChanges uptimeChanges) {
        this.loader = loader;
        this.readModel = readModel;
        this.views = views;
        this.config = config;
        this.vertx = vertx;
        this.uptimeChanges = uptimeChanges;
    }

    void start(@Observes StartupEvent event) {
        refresh();
        timer = vertx.setPeriodic(Math.max(100, config.refresh().toMillis()), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(timer);
    }

    /** True once the overlay was read at least once. */
    public boolean loaded() {
        return loaded;
    }

    @Override
    public void refresh() {
        if (stopping) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        Instant now = Instant.now();
        SafeContext.run(vertx, () -> loader.load(now, now.minus(LOOK_BACK))).subscribe().with(result -> {
            apply(result);
            finish();
        }, failure -> {
            if (!stopping) {
                Log.warnf("Could not read incidents and maintenances: %s", failure.getMessage());
            }
            finish();
        });
    }

    @Override
    public Uni<Void> refreshNow() {
        Instant now = Instant.now();
        return SafeContext.run(vertx, () -> loader.load(now, now.minus(LOOK_BACK))).invoke(this::apply)
                .replaceWithVoid();
    }

    private synchronized void apply(OverlayLoader.Loaded result) {
        readModel.overlay(result.overlay());
        boolean first = !loaded;
        loaded = true;
        Instant horizon = Instant.now().minus(LOOK_BACK.multipliedBy(2));
        seen.values().removeIf(s -> s.updatedAt().isBefore(horizon));
        boolean any = false;
        for (IncidentData data : result.updated()) {
            IncidentEntity i = data.incident();
            String signature = i.status + "|" + i.updateCount + "|" + i.updatedAt + "|" + i.name + "|" + i.impact;
            Seen before = seen.put(i.id, new Seen(signature, i.updatedAt));
            if (first || (before != null && before.signature().equals(signature))) {
                continue;
            }
            any = true;
            readModel.changed(views.shown(data));
        }
        if (any) {
            uptimeChanges.changed();
        }
    }

    @Override
    public Uni<List<ShownIncident>> changedSince(Instant since) {
        return SafeContext.run(vertx, () -> loader.changedSince(since, REPLAY_LIMIT))
                .map(changed -> changed.stream().map(views::shown).toList());
    }

    private void finish() {
        running.set(false);
        if (again.getAndSet(false)) {
            refresh();
        }
    }
}
