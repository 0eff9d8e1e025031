package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.web.UrlEncoding;
import io.herald.web.WebConfig;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusViewService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Single sign-on through the OpenID Connect provider configured in status-api: the browser's part of the
 * authorization code flow with PKCE (state, nonce and verifier in a short-lived cookie, the redirect, the state
 * checked at the callback); status-api exchanges the code, verifies the ID token and opens the session.
 */
@Path(OidcLoginResource.OIDC_PATH)
@Produces(MediaType.TEXT_HTML)
public class OidcLoginResource {
    static final String OIDC_COOKIE = "herald_oidc";
    static final String OIDC_PATH = "/admin/login/oidc";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedIn(SiteView site);
    }

    private final LoginPage login;
    private final AdminAccess access;
    private final StatusViewService views;
    private final WebConfig config;
    private final Clock clock = Clock.systemUTC();

    OidcLoginResource(LoginPage login, AdminAccess access, StatusViewService views, WebConfig config) {
        this.login = login;
        this.access = access;
        this.views = views;
        this.config = config;
    }

    @GET
    @Operation(summary = "Single sign-on: sends the browser to the provider's authorization endpoint with state, nonce "
            + "and a PKCE challenge (S256), kept in a short-lived HttpOnly SameSite=Lax cookie; 404 when not configured")
    public Uni<Response> startOidc(@Context UriInfo uri) {
        requireOidc();
        return login.call(HttpMethod.GET, "/api/v1/auth/oidc", null).map(answer -> {
            JsonNode provider = answer.body();
            if (answer.status() != 200 || provider == null || !provider.path("authorization_endpoint").isTextual()) {
                return login.page(answer.status() == 0 ? 503 : 502, "", oidcName() + " is not available: "
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
            query.forEach((name, value) -> location.append(name).append('=').append(UrlEncoding.queryValue(value))
                    .append('&'));
            location.setLength(location.length() - 1);
            return Response.seeOther(URI.create(location.toString()))
                    .cookie(access.cookie(OIDC_COOKIE, flow.cookieValue(), OIDC_PATH,
                            config.oidc().flowTimeout().toSeconds(), NewCookie.SameSite.LAX, uri))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        });
    }

    @GET
    @Path("callback")
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
        return login.call(HttpMethod.POST, "/api/v1/auth/sessions/oidc", body).map(answer -> {
            if (LoginPage.opened(answer)) {
                // a page, not a redirect: after a redirect chain that began at the provider (another site), browsers
                // would not send the SameSite=Strict session cookie; this page's own navigation to /admin does
                return login.signedIn(AdminPages.html(200, Templates.signedIn(AdminPages.site(views))), answer.body(),
                        uri).cookie(clearFlow).build();
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
            return login.page(status, "", message, uri).cookie(clearFlow).build();
        });
    }

    private Uni<Response> failed(int status, String message, UriInfo uri, NewCookie clearFlow) {
        return Uni.createFrom().item(login.page(status, "", message, uri).cookie(clearFlow).build());
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

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
