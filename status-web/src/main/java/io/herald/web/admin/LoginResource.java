package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.web.WebConfig;
import io.herald.web.admin.AdminApiClient.Answer;
import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operators' login: a password checked by status-api, or single sign-on through the OpenID Connect provider
 * configured in status-api (authorization code flow with PKCE). Either way status-api opens the session and the
 * cookie carries its token.
 */
@Path("/admin/login")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {
    static final String LOGIN_CSRF_COOKIE = "herald_login_csrf";
    static final String OIDC_COOKIE = "herald_oidc";
    static final String OIDC_PATH = "/admin/login/oidc";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(SiteView site, String csrf, String username, String error,
                String oidcName);

        static native TemplateInstance signedIn(SiteView site);
    }

    private final AdminSessions sessions;
    private final AdminAccess access;
    private final AdminApiClient api;
    private final StatusViewService views;
    private final WebConfig config;
    private final Clock clock = Clock.systemUTC();

    LoginResource(AdminSessions sessions, AdminAccess access, AdminApiClient api, StatusViewService views,
            WebConfig config) {
        this.sessions = sessions;
        this.access = access;
        this.api = api;
        this.views = views;
        this.config = config;
    }

    @GET
    @Operation(summary = "The operators' login form, with a single sign-on button when configured")
    public Response loginForm(@Context UriInfo uri) {
        return loginPage(200, "", null, uri).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log in through status-api's session endpoint")
    public Uni<Response> login(MultivaluedMap<String, String> form, @CookieParam(LOGIN_CSRF_COOKIE) String csrfCookie,
            @Context UriInfo uri) {
        String username = first(form, "username");
        if (!AdminSessions.same(first(form, "csrf"), csrfCookie)) {
            return Uni.createFrom().item(AdminAccess.forbidden());
        }
        Map<String, Object> body = Map.of("username", username, "password", first(form, "password"));
        return call(HttpMethod.POST, "/api/v1/auth/sessions", body).map(answer -> {
            if (answer.status() == 201 && answer.body() != null && answer.body().hasNonNull("token")) {
                return signedIn(Response.seeOther(URI.create("/admin")), answer.body(), uri).build();
            }
            String error = answer.status() == 401 || answer.status() == 403 ? "Wrong username or password."
                    : answer.status() == 0 ? "Login failed: status-api cannot be reached."
                    : "Login failed: " + answer.problem();
            // Too many attempts: the reader is told so (status-api's words say when to try again), with its status.
            return loginPage(answer.status() == 429 ? 429 : 401, username, error, uri).build();
        });
    }

    @GET
    @Path("oidc")
    @Operation(summary = "Single sign-on: sends the browser to the provider's authorization endpoint with state, nonce "
            + "and a PKCE challenge (S256), kept in a short-lived HttpOnly SameSite=Lax cookie; 404 when not configured")
    public Uni<Response> startOidc(@Context UriInfo uri) {
        requireOidc();
        return call(HttpMethod.GET, "/api/v1/auth/oidc", null).map(answer -> {
            JsonNode provider = answer.body();
            if (answer.status() != 200 || provider == null || !provider.path("authorization_endpoint").isTextual()) {
                return loginPage(answer.status() == 0 ? 503 : 502, "", oidcName() + " is not available: "
                        + (answer.status() == 0 ? "status-api cannot be reached." : answer.problem()), uri).build();
            }
            OidcFlow flow = OidcFlow.start(clock.instant());
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", provider.path("client_id").asText());
            query.put("redirect_uri", redirectUri(uri));
            query.put("scope", provider.path("scopes").asText("openid email profile"));
            query.put("state", flow.state());
            query.put("nonce", flow.nonce());
            query.put("code_challenge", challenge(flow.verifier()));
            query.put("code_challenge_method", "S256");
            String endpoint = provider.path("authorization_endpoint").asText();
            StringBuilder location = new StringBuilder(endpoint).append(endpoint.contains("?") ? '&' : '?');
            query.forEach((name, value) -> location.append(name).append('=').append(encode(value)).append('&'));
            location.setLength(location.length() - 1);
            return Response.seeOther(URI.create(location.toString()))
                    .cookie(access.cookie(OIDC_COOKIE, flow.cookieValue(), OIDC_PATH,
                            config.oidc().flowTimeout().toSeconds(), NewCookie.SameSite.LAX, uri))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        });
    }

    @GET
    @Path("oidc/callback")
    @Operation(summary = "Single sign-on: the provider sends the browser back here; the state must match this "
            + "browser's cookie, then status-api exchanges the code and opens the session")
    public Uni<Response> oidcCallback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription,
            @CookieParam(OIDC_COOKIE) String cookie, @Context UriInfo uri) {
        requireOidc();
        NewCookie clearFlow = access.cookie(OIDC_COOKIE, "", OIDC_PATH, 0, NewCookie.SameSite.LAX, uri);
        if (error != null && !error.isBlank()) {
            String said = errorDescription == null || errorDescription.isBlank() ? "" : " (" + shorten(errorDescription)
                    + ")";
            return failed(401, oidcName() + " did not sign you in: " + shorten(error) + said + ".", uri, clearFlow);
        }
        OidcFlow flow = OidcFlow.parse(cookie);
        if (flow == null || flow.expired(clock.instant(), config.oidc().flowTimeout())) {
            return failed(400, "This sign-in took too long or was started in another browser; sign in again.", uri,
                    clearFlow);
        }
        if (!AdminSessions.same(flow.state(), state)) {
            return failed(400, "The answer from " + oidcName() + " does not belong to the sign-in this browser "
                    + "started; sign in again.", uri, clearFlow);
        }
        if (code == null || code.isBlank()) {
            return failed(400, oidcName() + " sent no authorization code; sign in again.", uri, clearFlow);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("redirect_uri", redirectUri(uri));
        body.put("code_verifier", flow.verifier());
        body.put("nonce", flow.nonce());
        return call(HttpMethod.POST, "/api/v1/auth/sessions/oidc", body).map(answer -> {
            if (answer.status() == 201 && answer.body() != null && answer.body().hasNonNull("token")) {
                // a page, not a redirect: after a redirect chain that began at the provider (another site), browsers
                // would not send the SameSite=Strict session cookie; this page's own navigation to /admin does
                return signedIn(html(200, Templates.signedIn(site())), answer.body(), uri).cookie(clearFlow).build();
            }
            int status;
            String message;
            switch (answer.status()) {
                case 0 -> {
                    status = 503;
                    message = "Sign-in failed: status-api cannot be reached.";
                }
                case 401 -> {
                    status = 401;
                    message = "Sign-in with " + oidcName() + " was refused: " + answer.problem();
                }
                case 403 -> {
                    status = 403;
                    message = answer.problem();
                }
                default -> {
                    status = 502;
                    message = "Sign-in with " + oidcName() + " failed: " + answer.problem();
                }
            }
            return loginPage(status, "", message, uri).cookie(clearFlow).build();
        });
    }

    /** The login form (with a fresh double-submit CSRF cookie), a single sign-on button when configured, an error. */
    private Response.ResponseBuilder loginPage(int status, String username, String error, UriInfo uri) {
        String csrf = AdminSessions.random();
        return html(status, Templates.login(site(), csrf, username, error, config.oidc().enabled() ? oidcName() : null))
                .cookie(access.cookie(LOGIN_CSRF_COOKIE, csrf, "/admin", -1, NewCookie.SameSite.STRICT, uri));
    }

    private Uni<Response> failed(int status, String message, UriInfo uri, NewCookie clearFlow) {
        return Uni.createFrom().item(loginPage(status, "", message, uri).cookie(clearFlow).build());
    }

    /** status-api opened a session: the cookie carries its token for as long as it lives. */
    private Response.ResponseBuilder signedIn(Response.ResponseBuilder response, JsonNode session, UriInfo uri) {
        long maxAge = sessions.cookieMaxAge(ViewAssembler.instant(session.path("expires_at").asText(null)));
        return response.cookie(access.sessionCookie(session.path("token").asText(), maxAge, uri),
                access.cookie(LOGIN_CSRF_COOKIE, "", "/admin", 0, NewCookie.SameSite.STRICT, uri))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private void requireOidc() {
        if (!config.oidc().enabled()) {
            throw new NotFoundException();
        }
    }

    private String oidcName() {
        return config.oidc().displayName();
    }

    private String redirectUri(UriInfo uri) {
        return config.oidc().redirectUri().map(URI::toString)
                .orElseGet(() -> uri.getBaseUri().resolve("admin/login/oidc/callback").toString());
    }

    /** RFC 7636: BASE64URL(SHA-256(ASCII(code_verifier))). */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Uni<Answer> call(HttpMethod method, String path, Object body) {
        return Uni.createFrom().completionStage(() -> api.call(method, path, null, body).toCompletionStage())
                .onFailure().recoverWithItem(new Answer(0, null));
    }

    private SiteView site() {
        StatusView view = views.current();
        return view == null ? new SiteView("Herald", "en", "UTC") : SiteView.of(view);
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String first(MultivaluedMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null ? "" : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Response.ResponseBuilder html(int status, TemplateInstance page) {
        return Response.status(status).entity(page.setAttribute(TemplateInstance.LOCALE, Language.EN.locale()).render())
                .type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
