package io.herald.api.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.PageTime;
import io.herald.api.http.CachedBody;
import io.herald.api.http.HttpCaching;
import io.herald.api.http.PathIds;
import io.herald.api.http.TimeBounds;
import io.herald.api.read.Vocabulary;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.model.status.Incident;
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
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Herald's native reads of incidents and scheduled maintenances (with automatic and taken_over). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Incidents and scheduled maintenances")
public class IncidentResource {
    private static final int MAX_LIMIT = 500;

    private final IncidentQueries queries;
    private final IncidentViews views;
    private final PageTime time;
    private final HttpCaching caching;
    private final ObjectMapper mapper;

    public IncidentResource(IncidentQueries queries, IncidentViews views, PageTime time, HttpCaching caching,
            ObjectMapper mapper) {
        this.queries = queries;
        this.views = views;
        this.time = time;
        this.caching = caching;
        this.mapper = mapper;
    }

    public record IncidentList(@JsonProperty("incidents") List<Incident> incidents) {
    }

    public record MaintenanceList(@JsonProperty("scheduled_maintenances") List<Incident> scheduledMaintenances) {
    }

    @GET
    @Path("/incidents")
    @Operation(summary = "Incidents, newest first, optionally those of one month (in the page's time zone)")
    @APIResponse(responseCode = "200", description = "The incidents",
            content = @Content(schema = @Schema(implementation = IncidentList.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "limit or month is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> incidents(
            @Parameter(description = "How many (1 to 500, default 50)", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "Only incidents created in this month, YYYY-MM", example = "2026-11")
            @QueryParam("month") String month,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        int count = limit(limit);
        Instant from = null;
        Instant to = null;
        if (month != null && !month.isBlank()) {
            YearMonth ym = month(month);
            from = ym.atDay(1).atStartOfDay(time.zone()).toInstant();
            to = ym.plusMonths(1).atDay(1).atStartOfDay(time.zone()).toInstant();
        }
        return queries.incidents(count, from, to).map(list -> respond(ifNoneMatch,
                new IncidentList(list.stream().map(views::body).toList())));
    }

    @GET
    @Path("/incidents/{id}")
    @Operation(summary = "One incident with its whole timeline (updates newest first)")
    @APIResponse(responseCode = "200", description = "The incident",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No incident has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> incident(@Parameter(description = "The incident id", example = "42") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return one(id, IncidentEntity.KIND_INCIDENT, "incident", ifNoneMatch);
    }

    @GET
    @Path("/maintenances")
    @Operation(summary = "Scheduled maintenances: scheduled (soonest first), active (in progress or verifying) or "
            + "completed; all (newest first) without status")
    @APIResponse(responseCode = "200", description = "The maintenances",
            content = @Content(schema = @Schema(implementation = MaintenanceList.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "status is not scheduled, active or completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> maintenances(
            @Parameter(description = "scheduled, active or completed", example = "scheduled")
            @QueryParam("status") String status,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        List<String> statuses;
        if (status == null || status.isBlank()) {
            statuses = null;
        } else {
            statuses = switch (status.trim()) {
                case "scheduled" -> List.of(Vocabulary.MAINTENANCE_SCHEDULED);
                case "active" -> List.of(Vocabulary.MAINTENANCE_IN_PROGRESS, Vocabulary.MAINTENANCE_VERIFYING);
                case "completed" -> List.of(Vocabulary.MAINTENANCE_COMPLETED);
                default -> throw ProblemException.badParameter("status", "Bad status",
                        "The field 'status' ('" + status + "') is not one of scheduled, active, completed.");
            };
        }
        return queries.maintenances(statuses, MAX_LIMIT).map(list -> respond(ifNoneMatch,
                new MaintenanceList(list.stream().map(views::body).toList())));
    }

    @GET
    @Path("/maintenances/{id}")
    @Operation(summary = "One scheduled maintenance with its updates (newest first)")
    @APIResponse(responseCode = "200", description = "The maintenance",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No maintenance has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> maintenance(@Parameter(description = "The maintenance id") @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return one(id, IncidentEntity.KIND_MAINTENANCE, "maintenance", ifNoneMatch);
    }

    private Uni<Response> one(String id, String kind, String what, String ifNoneMatch) {
        long parsed = PathIds.parse(id, what);
        return queries.one(parsed, kind).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no " + what + " '" + id + "'.");
            }
            return respond(ifNoneMatch, views.body(found));
        });
    }

    private static YearMonth month(String month) {
        try {
            YearMonth parsed = YearMonth.parse(month.trim());
            if (TimeBounds.accepts(parsed)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.badParameter("month", "Bad month", "The field 'month' ('" + month + "') is not a "
                + "month such as 2026-11, with a year " + TimeBounds.WORDS + ".");
    }

    private Response respond(String ifNoneMatch, Object body) {
        return caching.respond(ifNoneMatch, CachedBody.json(mapper, body));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter("limit", "Bad limit",
                "The limit '" + limit + "' is not a whole number between 1 and " + MAX_LIMIT + ".");
    }
}
