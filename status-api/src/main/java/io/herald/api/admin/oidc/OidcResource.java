package io.herald.api.admin.oidc;

import io.herald.model.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What status-web needs to send an operator's browser to the OpenID Connect provider. */
@Path("/api/v1/auth/oidc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: sessions", description = "Operator log-in and log-out")
public class OidcResource {
    private final OidcSignInService oidc;

    public OidcResource(OidcSignInService oidc) {
        this.oidc = oidc;
    }

    @GET
    @Operation(summary = "The provider's authorization endpoint, the client id and the scopes to ask for (from the "
            + "provider's discovery document; nothing secret)")
    @APIResponse(responseCode = "200", description = "The provider",
            content = @Content(schema = @Schema(implementation = OidcSignInService.ProviderBody.class)))
    @APIResponse(responseCode = "404", description = "No OpenID Connect provider is configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The provider's discovery document could not be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> provider() {
        // no-store: the endpoints may change with the provider's discovery document, and status-web asks once per sign-in
        return oidc.provider().map(body -> Response.ok(body).header("Cache-Control", "no-store").build());
    }
}
