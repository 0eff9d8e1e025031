package io.herald.web.admin;

import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.web.problem.AnswerMedia;
import io.herald.web.view.SiteView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The operators' login form and password sign-in: status-api checks the password and opens the session. */
@Path("/admin/login")
@Produces(MediaType.TEXT_HTML)
public class PasswordLoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(SiteView site, String csrf, String username, String error,
                String oidcName);
    }

    private final LoginPage login;

    PasswordLoginResource(LoginPage login) {
        this.login = login;
    }

    @GET
    @Operation(summary = "The operators' login form, with a single sign-on button when configured")
    public Response loginForm(@Context UriInfo uri) {
        return login.page(200, "", null, uri).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Log in through status-api's session endpoint")
    public Uni<Response> login(MultivaluedMap<String, String> form,
            @CookieParam(LoginPage.LOGIN_CSRF_COOKIE) String csrfCookie, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Context UriInfo uri) {
        String username = AdminPages.first(form, "username");
        if (!AdminSessions.same(AdminPages.first(form, "csrf"), csrfCookie)) {
            return AdminAccess.csrfRefused();
        }
        Map<String, Object> body = Map.of("username", username, "password", AdminPages.first(form, "password"));
        return login.call(HttpMethod.POST, "/api/v1/auth/sessions", body).map(answer -> {
            if (LoginPage.opened(answer)) {
                return login.signedIn(Response.seeOther(URI.create("/admin")), answer.body(), uri).build();
            }
            String error = answer.status() == 401 || answer.status() == 403 ? "Wrong username or password."
                    : answer.status() == 0 ? "Login failed: status-api cannot be reached."
                    : "Login failed: " + answer.problem();
            // Too many attempts: the reader is told so (status-api's words say when to try again), with its status.
            int status = answer.status() == 429 ? 429 : 401;
            if (AnswerMedia.prefersProblem(accept)) {
                // a program that asks for JSON is told as JSON, like every other refusal of this form
                throw new ProblemException(Problem.of(status, status == 429 ? "too-many-attempts" : "login-failed",
                        status == 429 ? "Too many login attempts" : "Login failed", error));
            }
            return login.page(status, username, error, uri).build();
        });
    }
}
