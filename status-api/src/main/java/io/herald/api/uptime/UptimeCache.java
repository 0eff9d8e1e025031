package io.herald.api.uptime;

import io.herald.http.Gzip;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.db.SafeContext;
import io.herald.api.http.CachedBody;
import io.herald.model.catalog.ComponentDef;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The uptime bodies kept fresh off the request path: the page's day bars per size (encoded and gzipped once per
 * computation) and a component's uptime over whole-day windows. A stored change makes the kept bodies stale, not
 * absent: readers keep getting them until the recompute is done.
 */
@ApplicationScoped
public class UptimeCache {
    /** A size not asked for in this long is no longer kept fresh (and dropped), so odd sizes cost nothing for long. */
    private static final Duration KEEP_UNUSED = Duration.ofMinutes(5);

    private final UptimeQuery query;
    private final UptimeConfig config;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Map<Integer, Kept> daysCache = new ConcurrentHashMap<>();
    private final Map<Integer, Uni<Kept>> computing = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> lastAsked = new ConcurrentHashMap<>();
    /** Counts the stored changes seen: a body computed before the latest one is stale. */
    private final AtomicLong generation = new AtomicLong();
    /** Component uptime over whole-day windows, by component and window; bounded by the catalog's size. */
    private final Map<String, Kept> windowCache = new ConcurrentHashMap<>();

    /**
     * A kept body (and its gzip, for the bars), with the change count it was computed at (read before reading the
     * data) and when the TTL makes it stale.
     */
    public record Kept(CachedBody body, byte[] gzipped, long generation, Instant expires) {
        boolean fresh(long currentGeneration, Instant now) {
            return generation == currentGeneration && expires.isAfter(now);
        }
    }

    public UptimeCache(UptimeQuery query, UptimeConfig config, ObjectMapper mapper, UptimeChanges changes,
            Vertx vertx) {
        this.query = query;
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
        // Today's open interval grows with time and midnight starts a new day, so each kept size is also recomputed
        // once older than the TTL, whether anyone asks or not. Checking once a second bounds the work during a storm
        // of changes to one recompute per second per size.
        changes.onChange(generation::incrementAndGet);
        vertx.setPeriodic(1000, id -> refreshStale());
    }

    /** The default page's bars are computed at start, so the first reader does not wait for them. */
    void warm(@Observes StartupEvent event) {
        days(defaultDays()).subscribe().with(ok -> { }, failure -> { });
    }

    /** The size of the bars asked without {@code days}. */
    public int defaultDays() {
        return Math.min(90, config.maxDays());
    }

    /**
     * The bars for this many days. Once a size has a body, readers always get the kept one and never wait: the
     * once-a-second tick recomputes it when a change or the TTL made it stale. Only a size never asked before waits
     * for its first computation.
     */
    public Uni<Kept> days(int count) {
        lastAsked.put(count, Instant.now());
        Kept kept = daysCache.get(count);
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return refresh(count, Instant.now());
    }

    /**
     * A component's uptime over a window. Exact windows (24h, 7d) are replayed from the changes per request; windows
     * of whole days read up to a year of day rows, so their body is kept like the bars' (until a change or the TTL):
     * a year of history costs one read per window per TTL, not one per request.
     */
    public Uni<CachedBody> window(ComponentDef component, UptimeQuery.UptimeWindow window) {
        if (window.exact()) {
            return query.window(component, window, Instant.now()).map(body -> CachedBody.json(mapper, body));
        }
        String key = component.id() + "/" + window.wire();
        Instant now = Instant.now();
        Kept kept = windowCache.get(key);
        long seen = generation.get();
        if (kept != null && kept.fresh(seen, now)) {
            return Uni.createFrom().item(kept.body());
        }
        return query.window(component, window, now).map(body -> {
            CachedBody encoded = CachedBody.json(mapper, body);
            windowCache.put(key, new Kept(encoded, null, seen, now.plus(config.cacheTtl())));
            return encoded;
        });
    }

    private void refreshStale() {
        Instant now = Instant.now();
        Instant unused = now.minus(KEEP_UNUSED);
        long current = generation.get();
        daysCache.forEach((count, kept) -> {
            if (count != defaultDays() && lastAsked.getOrDefault(count, Instant.EPOCH).isBefore(unused)) {
                daysCache.remove(count);
                lastAsked.remove(count);
            } else if (!kept.fresh(current, now) && !computing.containsKey(count)) {
                refresh(count, now);
            }
        });
    }

    /** One recompute of a size at a time; the body it replaces is served until it is done. */
    private Uni<Kept> refresh(int count, Instant now) {
        Uni<Kept> running = computing.computeIfAbsent(count, k -> compute(k, now)
                .onTermination().invoke(() -> computing.remove(k))
                .memoize().indefinitely());
        running.subscribe().with(ok -> { }, failure -> Log.warnf("Could not compute the %d-day uptime bars: %s",
                count, failure.getMessage()));
        return running;
    }

    private Uni<Kept> compute(int count, Instant now) {
        long startedAt = generation.get();
        // Computations start from a timer too, not only from requests: on a safe context of their own.
        return SafeContext.run(vertx, () -> query.days(count, now))
                // Encoding and compressing the body is CPU work: off the event loop, once per computation.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(body -> {
                    CachedBody encoded = CachedBody.json(mapper, body);
                    Kept fresh = new Kept(encoded, Gzip.best(encoded.bytes()), startedAt,
                            now.plus(config.cacheTtl()));
                    daysCache.put(count, fresh);
                    return fresh;
                });
    }
}
