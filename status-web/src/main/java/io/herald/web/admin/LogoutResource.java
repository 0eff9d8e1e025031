package io.herald.web.admin;

import io.herald.model.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Logging out: the session ends at status-api, so on every replica, and the cookie is cleared. */
@Path("/admin/logout")
@Produces(MediaType.TEXT_HTML)
public class LogoutResource {
    private final AdminSessions sessions;
    private final AdminAccess access;

    LogoutResource(AdminSessions sessions, AdminAccess access) {
        this.sessions = sessions;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Log out: ends the session here and at status-api")
    public Uni<Response> logout(MultivaluedMap<String, String> form, @CookieParam(AdminSessions.COOKIE) String token,
            @Context UriInfo uri) {
        if (token == null || token.isEmpty()) {
            return Uni.createFrom().item(AdminAccess.toLogin());
        }
        if (!AdminSessions.csrfMatches(token, AdminPages.first(form, "csrf"))) {
            return AdminAccess.csrfRefused();
        }
        // revoked at status-api, so the cookie stops working on every replica, not only here
        return sessions.revoke(token).map(ignored -> Response.seeOther(URI.create("/admin/login"))
                .cookie(access.clearSessionCookie(uri)).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }
}
