package io.herald.api.uptime;

import io.herald.api.http.HttpCaching;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
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
    private final UptimeCache cache;
    private final Catalog catalog;
    private final UptimeConfig config;
    private final HttpCaching caching;

    public UptimeResource(UptimeCache cache, Catalog catalog, UptimeConfig config, HttpCaching caching) {
        this.cache = cache;
        this.catalog = catalog;
        this.config = config;
        this.caching = caching;
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
        return cache.days(count).map(kept -> caching.respond(ifNoneMatch, kept.body(), kept.gzipped(),
                acceptEncoding));
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
                ProblemException.badParameter("window", "Bad window",
                        "The window '" + window + "' is not one of 24h, 7d, 30d, 90d, 365d."));
        return cache.window(component, parsed).map(body -> caching.respond(ifNoneMatch, body));
    }

    private int parseDays(String days) {
        int max = config.maxDays();
        if (days == null || days.isBlank()) {
            return cache.defaultDays();
        }
        try {
            int value = Integer.parseInt(days.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw ProblemException.badParameter("days", "Bad days",
                "The days '" + days + "' is not a whole number between 1 and " + max + ".");
    }
}
