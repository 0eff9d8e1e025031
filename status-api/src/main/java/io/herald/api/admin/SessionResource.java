package io.herald.api.admin;

import io.herald.api.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators log in for a session token usable as a bearer token on the admin API, and log out. */
@Path("/api/v1/auth/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: sessions", description = "Operator log-in and log-out")
public class SessionResource {
    private final OperatorService operators;

    public SessionResource(OperatorService operators) {
        this.operators = operators;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in: a session token (random, stored hashed) valid for herald.api.session.lifetime")
    @APIResponse(responseCode = "201", description = "The session",
            content = @Content(schema = @Schema(implementation = OperatorService.SessionBody.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password (the same answer for both)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> login(OperatorService.LoginRequest request) {
        return operators.login(request).map(session -> Response.status(201).entity(session).build());
    }

    @DELETE
    @Path("/current")
    @RequiresScope("")
    @SecurityRequirement(name = AdminApi.BEARER)
    @Operation(summary = "Log out: the session token given as bearer token stops working")
    @APIResponse(responseCode = "204", description = "Logged out")
    @APIResponse(responseCode = "401", description = "No valid session token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> logout(RoutingContext routing) {
        return operators.logout(Actor.of(routing)).map(ignored -> Response.noContent().build());
    }
}
