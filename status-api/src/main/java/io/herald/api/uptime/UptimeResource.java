package io.herald.api.uptime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.http.CachedBody;
import io.herald.api.http.HttpCaching;
import io.herald.api.problem.Problem;
import io.herald.api.problem.ProblemException;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
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
    private final Map<Integer, Cached> daysCache = new ConcurrentHashMap<>();
    private final Map<Integer, Uni<Cached>> computing = new ConcurrentHashMap<>();
    private final io.vertx.core.Vertx vertx;

    private record Cached(CachedBody body, byte[] gzipped, Instant expires) {
        Cached expired() {
            return new Cached(body, gzipped, Instant.EPOCH);
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
        // A change makes the cached bodies stale, not absent: readers keep getting them while the recompute, started
        // here rather than by the next reader, runs.
        changes.onChange(() -> {
            daysCache.replaceAll((days, cached) -> cached.expired());
            refreshStale();
        });
        // Bodies are kept fresh off the request path: today's open interval grows with time, and midnight starts a
        // new day, so each kept size is recomputed once it is older than the TTL, whether anyone asks or not.
        long period = Math.max(1000, config.cacheTtl().toMillis() / 2);
        vertx.setPeriodic(period, id -> refreshStale());
    }

    /** The default page's bars are computed at start, so the first reader does not wait for them. */
    void warm(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        cached(Math.min(90, config.maxDays())).subscribe().with(ok -> { }, failure -> { });
    }

    private void refreshStale() {
        Instant now = Instant.now();
        daysCache.forEach((count, cached) -> {
            if (!cached.expires().isAfter(now)) {
                cached(count).subscribe().with(ok -> { }, failure -> { });
            }
        });
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
     * The body for this many days. One recompute at a time per size; while it runs, a stale body (expired or made
     * stale by a change) is served, so a recompute never holds readers up once a first body exists.
     */
    private Uni<Cached> cached(int count) {
        Instant now = Instant.now();
        Cached cached = daysCache.get(count);
        if (cached != null && cached.expires().isAfter(now)) {
            return Uni.createFrom().item(cached);
        }
        Uni<Cached> running = computing.computeIfAbsent(count, k -> compute(k, now)
                .onTermination().invoke(() -> computing.remove(k))
                .memoize().indefinitely());
        if (cached == null) {
            return running;
        }
        running.subscribe().with(ok -> { }, failure -> { });
        return Uni.createFrom().item(cached);
    }

    private Uni<Cached> compute(int count, Instant now) {
        // Computations start from timers and change listeners too, not only from requests: on a safe context of their own.
        return io.herald.api.db.SafeContext.run(vertx, () -> query.days(count, now))
                // Encoding and compressing the body is CPU work: off the event loop, once per computation.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(body -> {
                    CachedBody encoded = CachedBody.json(mapper, body);
                    Cached fresh = new Cached(encoded, HttpCaching.gzip(encoded.bytes()), now.plus(config.cacheTtl()));
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
        return query.window(component, parsed, Instant.now())
                .map(body -> caching.respond(ifNoneMatch, CachedBody.json(mapper, body)));
    }

    private int parseDays(String days) {
        int max = config.maxDays();
        if (days == null || days.isBlank()) {
            return Math.min(90, max);
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
