package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.api.http.PathIds;
import io.herald.model.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API tokens and operators (scope admin) and the audit log (scope audit:read). */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: access", description = "API tokens, operators and the audit log")
@APIResponse(responseCode = "401", description = "No bearer token, or one that is unknown or expired",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdminResource {
    private final TokenService tokens;
    private final OperatorService operators;
    private final AuditQuery audit;

    public AdminResource(TokenService tokens, OperatorService operators, AuditQuery audit) {
        this.tokens = tokens;
        this.operators = operators;
        this.audit = audit;
    }

    public record Tokens(@JsonProperty("tokens") List<TokenBody> tokens) {
    }

    public record Users(@JsonProperty("users") List<UserBody> users) {
    }

    @GET
    @Path("/tokens")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "The API tokens (never the tokens themselves)")
    @APIResponse(responseCode = "200", description = "The tokens",
            content = @Content(schema = @Schema(implementation = Tokens.class)))
    public Uni<Tokens> tokens() {
        return tokens.tokens().map(Tokens::new);
    }

    @POST
    @Path("/tokens")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Create an API token; the answer is the only time the token is shown")
    @APIResponse(responseCode = "201", description = "The token",
            content = @Content(schema = @Schema(implementation = NewToken.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createToken(TokenRequest request, RoutingContext routing) {
        return tokens.create(Actor.of(routing), request)
                .map(token -> Response.status(201).entity(token).build());
    }

    @DELETE
    @Path("/tokens/{id}")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Revoke an API token")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No token has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deleteToken(@PathParam("id") String id, RoutingContext routing) {
        return tokens.delete(Actor.of(routing), PathIds.parse(id, "token"))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/users")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "The operators")
    @APIResponse(responseCode = "200", description = "The operators",
            content = @Content(schema = @Schema(implementation = Users.class)))
    public Uni<Users> users() {
        return operators.users().map(Users::new);
    }

    @POST
    @Path("/users")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Add an operator (password stored as bcrypt)")
    @APIResponse(responseCode = "201", description = "The operator",
            content = @Content(schema = @Schema(implementation = UserBody.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An operator with this username exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createUser(UserRequest request, RoutingContext routing) {
        return operators.createUser(Actor.of(routing), request)
                .map(user -> Response.status(201).entity(user).build());
    }

    @PATCH
    @Path("/users/{id}")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Change an operator: display name, email, scopes, or forget the linked OpenID Connect "
            + "identity (fields left out stay as they are; a change of scopes or identity ends the operator's sessions)")
    @APIResponse(responseCode = "200", description = "The operator",
            content = @Content(schema = @Schema(implementation = UserBody.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No operator has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another operator has this email",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UserBody> updateUser(@PathParam("id") String id, UserChange change,
            RoutingContext routing) {
        return operators.updateUser(Actor.of(routing), PathIds.parse(id, "operator"), change);
    }

    @DELETE
    @Path("/users/{id}")
    @RequiresScope(Scopes.ADMIN)
    @Operation(summary = "Remove an operator and end their sessions")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No operator has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deleteUser(@PathParam("id") String id, RoutingContext routing) {
        return operators.deleteUser(Actor.of(routing), PathIds.parse(id, "operator"))
                .map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/audit")
    @RequiresScope(Scopes.AUDIT_READ)
    @Operation(summary = "The audit log, newest first: who did what to what, when, with before and after")
    @APIResponse(responseCode = "200", description = "The entries",
            content = @Content(schema = @Schema(implementation = AuditQuery.Entries.class)))
    @APIResponse(responseCode = "400", description = "limit or before is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AuditQuery.Entries> audit(
            @Parameter(description = "How many (1 to 500, default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "Only entries with an id below this one (paging)") @QueryParam("before")
            String before) {
        return audit.entries(limit, before);
    }
}
