package io.herald.api.admin;

import io.herald.api.admin.oidc.OidcSignInService;
import io.herald.model.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/**
 * Operators log in (password, or a code from the OpenID Connect provider) for a session token usable as a bearer
 * token on the admin API, read their session, and log out.
 */
@Path("/api/v1/auth/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: sessions", description = "Operator log-in and log-out")
public class SessionResource {
    private final PasswordSignIn passwordSignIn;
    private final SessionService sessions;
    private final OidcSignInService oidc;

    public SessionResource(PasswordSignIn passwordSignIn, SessionService sessions, OidcSignInService oidc) {
        this.passwordSignIn = passwordSignIn;
        this.sessions = sessions;
        this.oidc = oidc;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in: a session token (random, stored hashed) valid for herald.api.session.lifetime")
    @APIResponse(responseCode = "201", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionBody.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password (the same answer for both)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many attempts for this operator name (herald.api.session."
            + "login-burst at once, login-per-minute after); Retry-After says when to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> login(LoginRequest request) {
        return passwordSignIn.signIn(request).map(session -> Response.status(201).entity(session).build());
    }

    @POST
    @Path("/oidc")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in through the OpenID Connect provider: status-api exchanges the authorization code "
            + "(with the PKCE verifier and its client secret), verifies the ID token (signature with the provider's "
            + "keys, issuer, audience, expiry, nonce) and opens the same session a password login opens")
    @APIResponse(responseCode = "201", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionBody.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The provider refused the code, or the ID token is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The person is not an operator (an administrator must add "
            + "them), or their email is not verified",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No OpenID Connect provider is configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The provider could not be reached or answered wrongly",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> oidc(OidcSignInService.SignInRequest request) {
        return oidc.signIn(request).map(session -> Response.status(201).entity(session).build());
    }

    @GET
    @Path("/current")
    @RequiresScope("")
    @SecurityRequirement(name = AdminApi.BEARER)
    @Operation(summary = "The session given as bearer token: who, with which scopes, since and until when")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(schema = @Schema(implementation = CurrentSession.class)))
    @APIResponse(responseCode = "400", description = "The bearer token is an API token, not a session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid session token (unknown, expired or logged out)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> current(RoutingContext routing) {
        return sessions.current(Actor.of(routing)).map(session -> Response.ok(session)
                .header("Cache-Control", "no-store").build());
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
        return sessions.logout(Actor.of(routing)).map(ignored -> Response.noContent().build());
    }
}
