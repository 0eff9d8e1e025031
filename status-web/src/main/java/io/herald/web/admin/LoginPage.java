package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.web.WebConfig;
import io.herald.web.admin.AdminApiClient.Answer;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What both ways of signing in share: the login page (the password form with its double-submit CSRF cookie, the
 * single sign-on button when configured, a message), status-api's session endpoints, and the session cookie once
 * status-api opened a session.
 */
@ApplicationScoped
class LoginPage {
    static final String LOGIN_CSRF_COOKIE = "herald_login_csrf";

    private final AdminSessions sessions;
    private final AdminAccess access;
    private final AdminApiClient api;
    private final StatusViewService views;
    private final WebConfig config;

    LoginPage(AdminSessions sessions, AdminAccess access, AdminApiClient api, StatusViewService views,
            WebConfig config) {
        this.sessions = sessions;
        this.access = access;
        this.api = api;
        this.views = views;
        this.config = config;
    }

    /** The login form (with a fresh double-submit CSRF cookie), a single sign-on button when configured, an error. */
    Response.ResponseBuilder page(int status, String username, String error, UriInfo uri) {
        String csrf = AdminSessions.random();
        return AdminPages.html(status, PasswordLoginResource.Templates.login(AdminPages.site(views), csrf, username,
                        error, config.oidc().enabled() ? config.oidc().displayName() : null))
                .cookie(access.cookie(LOGIN_CSRF_COOKIE, csrf, "/admin", -1, NewCookie.SameSite.STRICT, uri));
    }

    /** status-api opened a session: the cookie carries its token for as long as it lives. */
    Response.ResponseBuilder signedIn(Response.ResponseBuilder response, JsonNode session, UriInfo uri) {
        long maxAge = sessions.cookieMaxAge(ViewAssembler.instant(session.path("expires_at").asText(null)));
        return response.cookie(access.sessionCookie(session.path("token").asText(), maxAge, uri),
                access.cookie(LOGIN_CSRF_COOKIE, "", "/admin", 0, NewCookie.SameSite.STRICT, uri))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** A sign-in call to status-api (no bearer token yet); status 0 when status-api cannot be reached. */
    Uni<Answer> call(HttpMethod method, String path, Object body) {
        return Uni.createFrom().completionStage(() -> api.call(method, path, null, body).toCompletionStage())
                .onFailure().recoverWithItem(new Answer(0, null));
    }

    static boolean opened(Answer answer) {
        return answer.status() == 201 && answer.body() != null && answer.body().hasNonNull("token");
    }
}
