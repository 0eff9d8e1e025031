package io.herald.api.overlay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.db.SafeContext;
import io.herald.api.incident.IncidentData;
import io.herald.api.incident.IncidentEntity;
import io.herald.api.incident.IncidentViews;
import io.herald.api.status.StatusSnapshot;
import io.herald.api.stream.PageEvent;
import io.herald.api.stream.PageEventHub;
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
 * Keeps the snapshot's overlay true to PostgreSQL: re-read at start, right after every write on this replica and
 * every {@code herald.api.overlay.refresh}. Each incident or maintenance seen changed since the last read is sent
 * to the SSE clients as an {@code incident} or {@code maintenance} event, on every replica.
 */
@ApplicationScoped
public class OverlayFeed {
    private static final Duration LOOK_BACK = Duration.ofMinutes(2);
    /** The most incidents and maintenances replayed to a resuming client; it re-reads the whole state anyway. */
    private static final int REPLAY_LIMIT = 200;

    private final OverlayLoader loader;
    private final StatusSnapshot snapshot;
    private final PageEventHub hub;
    private final IncidentViews views;
    private final ObjectMapper mapper;
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

    public OverlayFeed(OverlayLoader loader, StatusSnapshot snapshot, PageEventHub hub, IncidentViews views,
            ObjectMapper mapper, OverlayConfig config, Vertx vertx, UptimeChanges uptimeChanges) {
        this.loader = loader;
        this.snapshot = snapshot;
        this.hub = hub;
        this.views = views;
        this.mapper = mapper;
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

    /** Re-reads soon; calls made while a read runs are folded into one more read. */
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

    /** Re-reads now and completes once the new overlay is applied (for writers that answer after it). */
    public Uni<Void> refreshNow() {
        Instant now = Instant.now();
        return SafeContext.run(vertx, () -> loader.load(now, now.minus(LOOK_BACK))).invoke(this::apply)
                .replaceWithVoid();
    }

    private synchronized void apply(OverlayLoader.Loaded result) {
        snapshot.overlay(result.overlay());
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
            publish(data);
        }
        if (any) {
            uptimeChanges.changed();
        }
    }

    private void publish(IncidentData data) {
        PageEvent event = event(data);
        if (event != null) {
            hub.publish(event);
        }
    }

    /**
     * The incidents and maintenances created or changed since then, oldest change first, as stream events: what an
     * SSE client that resumes after being away since then has missed.
     */
    public Uni<List<PageEvent>> changedSince(Instant since) {
        return SafeContext.run(vertx, () -> loader.changedSince(since, REPLAY_LIMIT)).map(changed -> changed.stream()
                .map(this::event)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    private PageEvent event(IncidentData data) {
        IncidentEntity i = data.incident();
        try {
            String json = mapper.writeValueAsString(views.body(data, snapshot.current().componentsById()));
            return i.isMaintenance()
                    ? new PageEvent("maintenance", "mnt-" + i.id + "-" + i.updateCount, json)
                    : new PageEvent("incident", "inc-" + i.id + "-" + i.updateCount, json);
        } catch (JsonProcessingException e) {
            Log.warnf("Cannot encode incident %d for the stream: %s", i.id, e.getMessage());
            return null;
        }
    }

    private void finish() {
        running.set(false);
        if (again.getAndSet(false)) {
            refresh();
        }
    }
}
