package io.herald.api.latency;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.PageTime;
import io.herald.api.http.CachedBody;
import io.herald.api.http.HttpCaching;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A check's response times: p50, p95, p99 per 5 minutes over 24 h, per hour over longer windows. */
@Path("/api/v1/checks/{id}/latency")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Latency", description = "Response times of checks")
public class LatencyResource {
    private static final Map<String, Duration> WINDOWS = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30), "90d", Duration.ofDays(90));
    private static final int RAW_BUCKET_SECONDS = 300;

    private final Catalog catalog;
    private final LatencyStore store;
    private final PageTime time;
    private final HttpCaching caching;
    private final ObjectMapper mapper;

    public LatencyResource(Catalog catalog, LatencyStore store, PageTime time, HttpCaching caching,
            ObjectMapper mapper) {
        this.catalog = catalog;
        this.store = store;
        this.time = time;
        this.caching = caching;
        this.mapper = mapper;
    }

    public record PointBody(
            @JsonProperty("at") String at,
            @JsonProperty("p50") double p50,
            @JsonProperty("p95") double p95,
            @JsonProperty("p99") double p99,
            @JsonProperty("count") long count) {
    }

    public record LatencyBody(
            @JsonProperty("check") String check,
            @JsonProperty("component") String component,
            @JsonProperty("window") @Schema(example = "24h") String window,
            @JsonProperty("resolution") @Schema(description = "raw: 5-minute buckets computed from the raw samples "
                    + "(24h); hour: stored hourly percentiles", example = "raw") String resolution,
            @JsonProperty("points") List<PointBody> points) {
    }

    @GET
    @Operation(summary = "A check's latency percentiles in milliseconds, oldest first",
            description = "24h: p50/p95/p99 per 5-minute bucket computed from the raw samples (resolution raw); "
                    + "7d, 30d, 90d: the stored hourly percentiles (resolution hour).")
    @APIResponse(responseCode = "200", description = "The points",
            content = @Content(schema = @Schema(implementation = LatencyBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "window is not one of 24h, 7d, 30d, 90d",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No check has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> latency(@Parameter(description = "The check id, as in the catalog") @PathParam("id") String id,
            @Parameter(description = "24h, 7d, 30d or 90d (default 24h)", example = "24h") @QueryParam("window")
            String window,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CheckDef check = catalog.check(id).orElseThrow(() -> ProblemException.notFound(
                "There is no check '" + id + "' on this page."));
        String wire = window == null || window.isBlank() ? "24h" : window.trim();
        Duration length = WINDOWS.get(wire);
        if (length == null) {
            throw ProblemException.badParameter("window", "Bad window",
                    "The window '" + window + "' is not one of 24h, 7d, 30d, 90d.");
        }
        Instant now = Instant.now();
        boolean raw = wire.equals("24h");
        Uni<List<LatencyRepository.Point>> points = raw
                ? store.buckets(check.id(), now.minus(length), now, RAW_BUCKET_SECONDS)
                : store.hours(check.id(), now.minus(length), now);
        return points.map(list -> new LatencyBody(check.id(), check.componentId(), wire, raw ? "raw" : "hour",
                        list.stream().map(p -> new PointBody(time.format(p.at()), p.p50(), p.p95(), p.p99(), p.count()))
                                .toList()))
                .map(body -> caching.respond(ifNoneMatch, CachedBody.json(mapper, body)));
    }
}
