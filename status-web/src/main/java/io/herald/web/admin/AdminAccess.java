package io.herald.web.admin;

import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.web.WebConfig;
import io.herald.web.admin.AdminSessions.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Function;

/**
 * The gate of the operators' pages: a page needs a live session (else the login form), a form also needs the
 * session's CSRF token (else 403, before anything reaches status-api). Also makes the operators' cookies.
 */
@ApplicationScoped
public class AdminAccess {
    private final AdminSessions sessions;
    private final WebConfig config;

    AdminAccess(AdminSessions sessions, WebConfig config) {
        this.sessions = sessions;
        this.config = config;
    }

    /** The page for the session in this cookie, or the way to the login form. */
    public Uni<Response> page(String cookie, Function<Session, Uni<Response>> page) {
        return sessions.resolve(cookie)
                .flatMap(session -> session == null ? Uni.createFrom().item(toLogin()) : page.apply(session))
                .onFailure(AdminSessions.Unavailable.class).recoverWithItem(AdminAccess::unavailable);
    }

    /** A form's action: the CSRF token first, then the session. */
    public Uni<Response> form(String cookie, MultivaluedMap<String, String> form,
            Function<Session, Uni<Response>> action) {
        if (cookie == null || cookie.isEmpty()) {
            return Uni.createFrom().item(toLogin());
        }
        String csrf = form.getFirst("csrf");
        if (!AdminSessions.csrfMatches(cookie, csrf == null ? null : csrf.strip())) {
            return csrfRefused();
        }
        return page(cookie, action);
    }

    /**
     * An operators' cookie: HttpOnly, Path=/admin (or narrower), Secure when configured or when the request came over
     * https, with this SameSite.
     */
    public NewCookie cookie(String name, String value, String path, long maxAge, NewCookie.SameSite sameSite,
            UriInfo request) {
        boolean https = request != null && "https".equalsIgnoreCase(request.getRequestUri().getScheme());
        return new NewCookie.Builder(name).value(value).path(path).httpOnly(true).sameSite(sameSite)
                .secure(config.adminCookieSecure() || https).maxAge((int) Math.min(Integer.MAX_VALUE, maxAge))
                .build();
    }

    public NewCookie sessionCookie(String token, long maxAge, UriInfo request) {
        return cookie(AdminSessions.COOKIE, token, "/admin", maxAge, NewCookie.SameSite.STRICT, request);
    }

    public NewCookie clearSessionCookie(UriInfo request) {
        return cookie(AdminSessions.COOKIE, "", "/admin", 0, NewCookie.SameSite.STRICT, request);
    }

    public static Response toLogin() {
        return Response.seeOther(URI.create("/admin/login")).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** A form without its CSRF token, or with another's: 403 csrf-token, before any of the form is acted on. */
    public static <T> Uni<T> csrfRefused() {
        return Uni.createFrom().failure(new ProblemException(Problem.of(403, "csrf-token", "Form token missing or wrong",
                "The form was not sent from this site's page (its CSRF token is missing or wrong), so it was not acted "
                        + "on. Reload the page and send the form again.")));
    }

    static Response unavailable(Throwable cause) {
        return Response.status(503).type(MediaType.TEXT_PLAIN + ";charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Retry-After", "5")
                .entity("The operators' pages need status-api, which cannot be reached right now. Retry in a moment.")
                .build();
    }
}
