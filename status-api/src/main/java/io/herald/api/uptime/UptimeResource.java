package io.herald.api.uptime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.http.CachedBody;
import io.herald.api.http.HttpCaching;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Uptime per day for the page's bars, and one component's uptime over a window. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Uptime", description = "Time spent in each status and the uptime percentage")
public class UptimeResource {
    private final UptimeQuery query;
    private final Catalog catalog;
    private final UptimeConfig config;
    private final HttpCaching caching;
    private final ObjectMapper mapper;
    private final Map<Integer, Kept> daysCache = new ConcurrentHashMap<>();
    private final Map<Integer, Uni<Kept>> computing = new ConcurrentHashMap<>();
    private final io.vertx.core.Vertx vertx;

    /** A size not asked for in this long is no longer kept fresh (and dropped), so odd sizes cost nothing for long. */
    private static final java.time.Duration KEEP_UNUSED = java.time.Duration.ofMinutes(5);

    private final Map<Integer, Instant> lastAsked = new ConcurrentHashMap<>();
    /** Counts the stored changes seen: a body computed before the latest one is stale. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** Component uptime over whole-day windows, by component and window; bounded by the catalog's size. */
    private final Map<String, Kept> windowCache = new ConcurrentHashMap<>();

    /**
     * A kept body (and its gzip, for the bars), with the change count it was computed at (read before reading the
     * data) and when the TTL makes it stale.
     */
    private record Kept(CachedBody body, byte[] gzipped, long generation, Instant expires) {
        boolean fresh(long currentGeneration, Instant now) {
            return generation == currentGeneration && expires.isAfter(now);
        }
    }

    public UptimeResource(UptimeQuery query, Catalog catalog, UptimeConfig config, HttpCaching caching,
            ObjectMapper mapper, UptimeChanges changes, io.vertx.core.Vertx vertx) {
        this.query = query;
        this.catalog = catalog;
        this.config = config;
        this.caching = caching;
        this.mapper = mapper;
        this.vertx = vertx;
        // A change makes the kept bodies stale, not absent: readers keep getting the bars until the recompute the next
        // tick starts is done. Today's open interval grows with time and midnight starts a new day, so each kept size
        // is also recomputed once older than the TTL, whether anyone asks or not. Checking once a second bounds the
        // work during a storm of changes to one recompute per second per size.
        changes.onChange(generation::incrementAndGet);
        vertx.setPeriodic(1000, id -> refreshStale());
    }

    /** The default page's bars are computed at start, so the first reader does not wait for them. */
    void warm(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        cached(defaultDays()).subscribe().with(ok -> { }, failure -> { });
    }

    private int defaultDays() {
        return Math.min(90, config.maxDays());
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

    @GET
    @Path("/uptime/days")
    @Operation(summary = "The page's day bars: per component per day (oldest first, in the page's time zone) the "
            + "uptime %, the worst status, the seconds in each status and the incidents",
            description = "Uptime % = (time not in partial or major outage) / (time observed minus maintenance); "
                    + "degraded performance counts as up; null when nothing was observed.")
    @APIResponse(responseCode = "200", description = "The days",
            content = @Content(schema = @Schema(implementation = UptimeBodies.Days.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "days is not a whole number from 1 to the configured maximum",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> days(
            @Parameter(description = "How many days, today included (default 90)", example = "90")
            @QueryParam("days") String days,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        int count = parseDays(days);
        return cached(count).map(c -> caching.respond(ifNoneMatch, c.body(), c.gzipped(), acceptEncoding));
    }

    /**
     * The body for this many days. Once a size has a body, readers always get the kept one and never wait: the
     * once-a-second tick recomputes it when a change or the TTL made it stale. Only a size never asked before waits
     * for its first computation.
     */
    private Uni<Kept> cached(int count) {
        lastAsked.put(count, Instant.now());
        Kept kept = daysCache.get(count);
        if (kept != null) {
            return Uni.createFrom().item(kept);
        }
        return refresh(count, Instant.now());
    }

    private Uni<Kept> compute(int count, Instant now) {
        long startedAt = generation.get();
        // Computations start from a timer too, not only from requests: on a safe context of their own.
        return io.herald.api.db.SafeContext.run(vertx, () -> query.days(count, now))
                // Encoding and compressing the body is CPU work: off the event loop, once per computation.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(body -> {
                    CachedBody encoded = CachedBody.json(mapper, body);
                    Kept fresh = new Kept(encoded, HttpCaching.gzip(encoded.bytes()), startedAt,
                            now.plus(config.cacheTtl()));
                    daysCache.put(count, fresh);
                    return fresh;
                });
    }

    @GET
    @Path("/components/{id}/uptime")
    @Operation(summary = "A component's uptime over a window",
            description = "24h and 7d are computed exactly from the recorded changes, ending now; 30d, 90d and 365d "
                    + "start at local midnight (days - 1) days ago and end now.")
    @APIResponse(responseCode = "200", description = "The uptime",
            content = @Content(schema = @Schema(implementation = UptimeBodies.ComponentUptime.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "window is not one of 24h, 7d, 30d, 90d, 365d",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No component has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> component(
            @Parameter(description = "The component id, as in the catalog") @PathParam("id") String id,
            @Parameter(description = "24h, 7d, 30d, 90d or 365d (default 30d)", example = "30d")
            @QueryParam("window") String window,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ComponentDef component = catalog.component(id).orElseThrow(() -> ProblemException.notFound(
                "There is no component '" + id + "' on this page. The ids are listed by /api/v2/components.json."));
        String wire = window == null || window.isBlank() ? "30d" : window.trim();
        UptimeQuery.UptimeWindow parsed = UptimeQuery.UptimeWindow.parse(wire).orElseThrow(() ->
                ProblemException.badRequest("bad-window", "Bad window",
                        "The window '" + window + "' is not one of 24h, 7d, 30d, 90d, 365d."));
        if (parsed.exact()) {
            return query.window(component, parsed, Instant.now())
                    .map(body -> caching.respond(ifNoneMatch, CachedBody.json(mapper, body)));
        }
        // Windows of whole days read up to a year of day rows: their body is kept like the bars' (until a change or
        // the TTL), so a year of history costs one read per window per TTL, not one per request.
        String key = component.id() + "/" + parsed.wire();
        Instant now = Instant.now();
        Kept kept = windowCache.get(key);
        long seen = generation.get();
        if (kept != null && kept.fresh(seen, now)) {
            return Uni.createFrom().item(caching.respond(ifNoneMatch, kept.body()));
        }
        return query.window(component, parsed, now).map(body -> {
            CachedBody encoded = CachedBody.json(mapper, body);
            windowCache.put(key, new Kept(encoded, null, seen, now.plus(config.cacheTtl())));
            return caching.respond(ifNoneMatch, encoded);
        });
    }

    private int parseDays(String days) {
        int max = config.maxDays();
        if (days == null || days.isBlank()) {
            return defaultDays();
        }
        try {
            int value = Integer.parseInt(days.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw ProblemException.badRequest("bad-days", "Bad days",
                "The days '" + days + "' is not a whole number between 1 and " + max + ".");
    }
}
