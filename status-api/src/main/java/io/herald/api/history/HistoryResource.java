package io.herald.api.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.PageTime;
import io.herald.api.http.CachedBody;
import io.herald.api.http.HttpCaching;
import io.herald.api.http.TimeBounds;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

/** A component's recorded status changes, from PostgreSQL. */
@Path("/api/v1/components/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "Recorded status changes")
public class HistoryResource {
    private final Catalog catalog;
    private final StatusChangeRepository repository;
    private final HistoryConfig config;
    private final PageTime time;
    private final HttpCaching caching;
    private final ObjectMapper mapper;

    public HistoryResource(Catalog catalog, StatusChangeRepository repository, HistoryConfig config, PageTime time,
            HttpCaching caching, ObjectMapper mapper) {
        this.catalog = catalog;
        this.repository = repository;
        this.config = config;
        this.time = time;
        this.caching = caching;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "A component's status changes, newest first")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(schema = @Schema(implementation = ComponentHistory.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "The limit is not a number in the accepted range, or from/to is not a time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No component has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> history(
            @Parameter(description = "The component id, as in the catalog") @PathParam("id") String id,
            @Parameter(description = "How many changes to return (1 to the configured maximum, default 50)")
            @QueryParam("limit") String limit,
            @Parameter(description = "Only changes at or after this time: ISO 8601 with offset, or a date "
                    + "(local midnight in the page's time zone)", example = "2026-11-01")
            @QueryParam("from") String from,
            @Parameter(description = "Only changes before this time: ISO 8601 with offset, or a date",
                    example = "2026-11-26T12:00:00+01:00")
            @QueryParam("to") String to,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ComponentDef component = catalog.component(id).orElseThrow(() -> ProblemException.notFound(
                "There is no component '" + id + "' on this page. The ids are listed by /api/v2/components.json."));
        int count = parseLimit(limit);
        Instant fromAt = parseTime("from", from);
        Instant toAt = parseTime("to", to);
        if (fromAt != null && toAt != null && !toAt.isAfter(fromAt)) {
            throw ProblemException.badRequest("bad-range", "Bad range",
                    "The field 'to' (" + to + ") must be after the field 'from' (" + from + ").");
        }
        return repository.newestFirst(component.id(), fromAt, toAt, count)
                .map(rows -> new ComponentHistory(component.id(), component.name(), rows.stream()
                        .map(row -> new HistoryEntry(row.streamId, row.fromStatus, row.toStatus,
                                time.format(row.changedAt), row.cause, row.detail, time.format(row.recordedAt)))
                        .toList()))
                .map(body -> caching.respond(ifNoneMatch, encode(body)));
    }

    private Instant parseTime(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                if (TimeBounds.accepts(date.getYear())) {
                    return date.atStartOfDay(time.zone()).toInstant();
                }
            } else {
                OffsetDateTime at = OffsetDateTime.parse(text);
                if (TimeBounds.accepts(at)) {
                    return at.toInstant();
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.badParameter(field, "Bad " + field, "The field '" + field + "' ('" + value
                + "') is not an ISO 8601 time with offset (2026-11-26T09:00:00+01:00) or a date (2026-11-26), with a "
                + "year " + TimeBounds.WORDS + ".");
    }

    private int parseLimit(String limit) {
        int max = config.history().maxLimit();
        if (limit == null || limit.isBlank()) {
            return Math.min(config.history().defaultLimit(), max);
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        throw ProblemException.badParameter("limit", "Bad limit",
                "The limit '" + limit + "' is not a whole number between 1 and " + max + ".");
    }

    private CachedBody encode(ComponentHistory body) {
        try {
            return CachedBody.of(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the history of " + body.component(), e);
        }
    }
}
