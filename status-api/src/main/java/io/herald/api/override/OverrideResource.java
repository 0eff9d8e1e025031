package io.herald.api.override;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AdminApi;
import io.herald.api.admin.RequiresScope;
import io.herald.api.admin.Scopes;
import io.herald.api.read.OverlayRefresh;
import io.herald.model.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators override what a component shows, for a time (scope components:write). */
@Path("/api/v1/admin/components/{id}/override")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresScope(Scopes.COMPONENTS_WRITE)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: components", description = "Override a component's shown status (scope components:write)")
@APIResponse(responseCode = "401", description = "No bearer token, or one that is unknown or expired",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the scope components:write",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No component has this id (or, for DELETE, it has no override)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OverrideResource {
    private final OverrideService service;
    private final OverlayRefresh overlay;

    public OverrideResource(OverrideService service, OverlayRefresh overlay) {
        this.service = service;
        this.overlay = overlay;
    }

    @PUT
    @Operation(summary = "Show this status for the component until the given time, whatever is evaluated")
    @APIResponse(responseCode = "200", description = "The override",
            content = @Content(schema = @Schema(implementation = OverrideService.Body.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OverrideService.Body> put(@PathParam("id") String id, OverrideService.Request request,
            RoutingContext routing) {
        return service.put(Actor.of(routing), id, request).call(ignored -> overlay.refreshNow());
    }

    @DELETE
    @Operation(summary = "Remove the override: the component shows its evaluated status again")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> delete(@PathParam("id") String id, RoutingContext routing) {
        return service.delete(Actor.of(routing), id).call(ignored -> overlay.refreshNow())
                .map(ignored -> Response.noContent().build());
    }
}
