package io.herald.api.subscriber;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AdminApi;
import io.herald.api.admin.RequiresScope;
import io.herald.api.admin.Scopes;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators: subscribe a team without opt-in, list, remove, and read each subscriber's delivery log. Guarded by the
 * admin API's bearer tokens (scope admin); creations and removals go to the audit log.
 */
@Path("/api/v1/admin/subscribers")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope(Scopes.ADMIN)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: subscribers", description = "Subscribers and their delivery logs")
@APIResponse(responseCode = "401", description = "No bearer token, or an unknown or expired one",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SubscriberAdminResource {
    private static final int MAX_LIST = 1000;
    private final SubscriberService service;
    private final SubscriberRepository subscribers;
    private final DeliveryRepository deliveries;
    private final MailComposer mails;

    public SubscriberAdminResource(SubscriberService service, SubscriberRepository subscribers,
            DeliveryRepository deliveries, MailComposer mails) {
        this.service = service;
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.mails = mails;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a team (no confirmation mail)")
    @APIResponse(responseCode = "201", description = "Subscribed; a webhook's secret is in this answer only",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "This target is subscribed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field is not acceptable; the detail names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(SubscribeRequest request, RoutingContext routing) {
        Actor operator = Actor.of(routing);
        if (request == null) {
            throw SubscriberService.unprocessable("kind", "is required (send a JSON body)");
        }
        return service.subscribe(request, operator).map(created -> Response.status(201)
                .header("Cache-Control", "no-store")
                .entity(SubscriptionView.of(created.subscriber(), created.secret(),
                        mails.link("unsubscribe", created.unsubscribeToken())))
                .build());
    }

    @GET
    @Operation(summary = "Every subscriber, unsubscribed ones included")
    @APIResponse(responseCode = "200", description = "The subscribers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SubscriptionView.class)))
    public Uni<List<SubscriptionView>> list() {
        return subscribers.list(MAX_LIST)
                .map(rows -> rows.stream().map(row -> SubscriptionView.of(row, null, null)).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscriber and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such subscriber",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") long id, RoutingContext routing) {
        return service.delete(Actor.of(routing), id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("There is no subscriber " + id + ".");
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A subscriber's deliveries, newest first: attempts, outcome, last status code, next try, and the log of every attempt")
    @APIResponse(responseCode = "200", description = "The delivery log",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryLogEntry.class)))
    @APIResponse(responseCode = "404", description = "No such subscriber",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<DeliveryLogEntry>> deliveries(@PathParam("id") long id,
            @QueryParam("limit") Integer limit) {
        int count = limit == null ? 100 : Math.max(1, Math.min(limit, MAX_LIST));
        return subscribers.findById(id).flatMap(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("There is no subscriber " + id + ".");
            }
            return deliveries.log(id, count);
        }).map(rows -> rows.stream().map(SubscriberAdminResource::toEntry).toList())
                .flatMap(entries -> deliveries.attempts(entries.stream().map(DeliveryLogEntry::id).toList())
                        .map(rows -> withAttempts(entries, rows)));
    }

    private static List<DeliveryLogEntry> withAttempts(List<DeliveryLogEntry> entries, List<Object[]> rows) {
        Map<String, List<DeliveryAttemptEntry>> byDelivery = new HashMap<>();
        for (Object[] row : rows) {
            byDelivery.computeIfAbsent((String) row[0], ignored -> new ArrayList<>())
                    .add(new DeliveryAttemptEntry(SqlValues.integer(row[1]), text(row[2]), (String) row[3],
                            SqlValues.integer(row[4]), (String) row[5], text(row[6])));
        }
        return entries.stream().map(entry -> entry.withAttemptLog(byDelivery.getOrDefault(entry.id(), List.of())))
                .toList();
    }

    private static DeliveryLogEntry toEntry(Object[] row) {
        String state = (String) row[3];
        return new DeliveryLogEntry((String) row[0], SqlValues.number(row[1]), (String) row[2], state,
                SqlValues.integer(row[4]), SqlValues.integer(row[5]), (String) row[6], text(row[7]), text(row[8]),
                "pending".equals(state) ? text(row[9]) : null, text(row[10]), List.of());
    }

    private static String text(Object epochMillis) {
        return epochMillis == null ? null : SqlValues.instant(epochMillis).toString();
    }
}
