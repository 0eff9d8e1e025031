package io.herald.api.maintenance;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AdminApi;
import io.herald.api.admin.RequiresScope;
import io.herald.api.admin.Scopes;
import io.herald.api.http.PathIds;
import io.herald.api.incident.IncidentData;
import io.herald.api.incident.IncidentRequests;
import io.herald.api.incident.IncidentViews;
import io.herald.api.read.OverlayRefresh;
import io.herald.api.uptime.UptimeChanges;
import io.herald.model.problem.Problem;
import io.herald.model.status.Incident;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators schedule, change and cancel maintenances (scope maintenance:write). */
@Path("/api/v1/admin/maintenances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresScope(Scopes.MAINTENANCE_WRITE)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: maintenance", description = "Schedule, change and cancel maintenance (scope maintenance:write)")
@APIResponse(responseCode = "401", description = "No bearer token, or one that is unknown or expired",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the scope maintenance:write",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MaintenanceAdminResource {
    private final MaintenanceService service;
    private final IncidentViews views;
    private final OverlayRefresh overlay;
    private final UptimeChanges uptimeChanges;

    public MaintenanceAdminResource(MaintenanceService service, IncidentViews views, OverlayRefresh overlay,
            UptimeChanges uptimeChanges) {
        this.service = service;
        this.views = views;
        this.overlay = overlay;
        this.uptimeChanges = uptimeChanges;
    }

    @POST
    @Operation(summary = "Schedule a maintenance; with auto_transition (default) it moves on time by itself")
    @APIResponse(responseCode = "201", description = "The maintenance",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(IncidentRequests.CreateMaintenance request, RoutingContext routing) {
        // A window that has already begun moves on at once, without waiting for the next tick.
        return answer(service.create(Actor.of(routing), request)
                .call(ignored -> service.advance(Instant.now())), 201);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a maintenance: name, window, components, auto_transition, a forward status move, "
            + "or post an update (body)")
    @APIResponse(responseCode = "200", description = "The maintenance",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "404", description = "No maintenance has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The maintenance is completed, or the status would go back",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") String id, IncidentRequests.PatchMaintenance request,
            RoutingContext routing) {
        return answer(service.patch(Actor.of(routing), PathIds.parse(id, "maintenance"), request), 200);
    }

    @POST
    @Path("/{id}/cancel")
    // An action without a body: any Content-Type, or none, is accepted (the class consumes JSON for its bodies).
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel a maintenance (it becomes completed; its window ends now)")
    @APIResponse(responseCode = "200", description = "The cancelled maintenance",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "404", description = "No maintenance has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The maintenance is already completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cancel(@PathParam("id") String id, RoutingContext routing) {
        return answer(service.cancel(Actor.of(routing), PathIds.parse(id, "maintenance")), 200);
    }

    private Uni<Response> answer(Uni<IncidentData> change, int status) {
        return change.call(ignored -> overlay.refreshNow())
                .invoke(uptimeChanges::changed)
                .map(data -> Response.status(status).entity(views.body(data)).build());
    }
}
