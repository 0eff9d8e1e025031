package io.herald.web.admin;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.herald.web.support.FakeStatusApi.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Single sign-on through status-web's pages: the button, the redirect to a provider's authorize endpoint (a real
 * HTTP server in this test that signs the user in and sends the browser back with a code), the callback's checks,
 * and the session status-api (the fake) opens for the code.
 */
@QuarkusTest
@TestProfile(OidcLoginPagesTest.SingleSignOn.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcLoginPagesTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(15000);
    private static final String TOKEN = "hrs_session-of-carol";
    /** Where status-web asks the provider to send the browser back: its own address in the tests. */
    private static String callback() {
        return "http://localhost:" + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.test-port", Integer.class) + "/admin/login/oidc/callback";
    }
    private FakeStatusApi api;
    private HttpServer provider;
    private final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();
    private volatile String providerError;

    public static class SingleSignOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.web.oidc.enabled", "true", "herald.web.oidc.display-name", "Acme <SSO>",
                    "herald.web.api-url", "http://127.0.0.1:" + FakeStatusApi.portFor("oidc-pages"));
        }
    }

    /** The provider's authorize endpoint: signs the user in and redirects back with a code and the same state. */
    @BeforeAll
    void provider() throws IOException {
        api = FakeStatusApi.startOn(FakeStatusApi.portFor("oidc-pages"));
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/authorize", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            authorizeRequests.add(query);
            String back = query.get("redirect_uri") + "?" + (providerError == null
                    ? "code=code-" + authorizeRequests.size()
                    : "error=" + providerError + "&error_description=" + enc("The user <said> no"))
                    + "&state=" + enc(query.get("state"));
            exchange.getResponseHeaders().add("Location", back);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        provider.start();
    }

    @AfterAll
    void stopProvider() {
        provider.stop(0);
        api.stop();
    }

    @BeforeEach
    void statusApiWithAProvider() {
        api.clearCalls();
        providerError = null;
        authorizeRequests.clear();
        api.serve("/api/v1/auth/oidc", "{\"issuer\":\"http://127.0.0.1:" + provider.getAddress().getPort()
                + "\",\"authorization_endpoint\":\"http://127.0.0.1:" + provider.getAddress().getPort()
                + "/authorize\",\"client_id\":\"herald-status\",\"scopes\":\"openid email profile\"}");
        api.answer("POST /api/v1/auth/sessions/oidc", 201, "{\"token\":\"" + TOKEN + "\",\"expires_at\":"
                + "\"2099-01-01T00:00:00Z\",\"username\":\"carol\",\"display_name\":\"Carol Chen\","
                + "\"scopes\":[\"incidents:write\"]}");
        api.answer("GET /api/v1/admin/incident-templates", 200, "{\"templates\":[]}");
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document("none", "2025-11-26T07:00:00Z", id,
                service("email", "Email", "operational", component("imap-pop", "IMAP / POP", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").asString())
                .contains("datetime=\"2025-11-26T07:00:00Z\""));
    }

    /** Clicks the button: status-web's redirect, as the browser receives it. */
    private Response start() {
        return given().redirects().follow(false).get("/admin/login/oidc");
    }

    /** The provider's answer to the browser: where it sends it back. */
    private static URI atProvider(Response start) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(start.header("Location"))).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static Response callback(URI back, String flowCookie) {
        var request = given().urlEncodingEnabled(false).redirects().follow(false);
        if (flowCookie != null) {
            request.cookie(OidcLoginResource.OIDC_COOKIE, flowCookie);
        }
        return request.get("/admin/login/oidc/callback?" + back.getRawQuery());
    }

    @Test
    void shouldSignInThroughTheProviderToAWorkingOperatorSession() throws Exception {
        String login = given().get("/admin/login").then().statusCode(200).extract().asString();
        assertThat(login).contains("<a class=\"button\" id=\"oidc-login\" href=\"/admin/login/oidc\">Sign in with "
                + "Acme &lt;SSO&gt;</a>", "name=\"password\"");

        Response start = start();
        start.then().statusCode(303).header("Cache-Control", "no-store");
        String flowCookie = start.getCookie(OidcLoginResource.OIDC_COOKIE);
        String setCookie = start.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(OidcLoginResource.OIDC_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/admin/login/oidc").contains("Max-Age=600");
        URI back = atProvider(start);
        Map<String, String> sent = authorizeRequests.get(0);
        assertThat(sent).containsEntry("response_type", "code").containsEntry("client_id", "herald-status")
                .containsEntry("redirect_uri", callback()).containsEntry("scope", "openid email profile")
                .containsEntry("code_challenge_method", "S256");
        assertThat(sent.get("state")).hasSize(43);
        assertThat(sent.get("nonce")).hasSize(43).isNotEqualTo(sent.get("state"));
        assertThat(flowCookie).doesNotContain(sent.get("code_challenge"));

        Response signedIn = callback(back, flowCookie);
        signedIn.then().statusCode(200);
        assertThat(signedIn.asString()).contains("<meta http-equiv=\"refresh\" content=\"0;url=/admin\">",
                "href=\"/admin\"");
        assertThat(signedIn.getCookie("herald_admin")).isEqualTo(TOKEN);
        assertThat(signedIn.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith("herald_admin=")
                && c.contains("HttpOnly") && c.toLowerCase().contains("samesite=strict"))
                .anyMatch(c -> c.startsWith(OidcLoginResource.OIDC_COOKIE + "=;") && c.contains("Max-Age=0"));

        Call exchange = api.lastCall("POST", "/api/v1/auth/sessions/oidc");
        assertThat(exchange.authorization()).isNull();
        var body = new io.vertx.core.json.JsonObject(exchange.body());
        assertThat(body.getString("code")).isEqualTo("code-1");
        assertThat(body.getString("redirect_uri")).isEqualTo(callback());
        assertThat(body.getString("nonce")).isEqualTo(sent.get("nonce"));
        assertThat(OidcLoginResource.challenge(body.getString("code_verifier"))).as("the verifier of the challenge")
                .isEqualTo(sent.get("code_challenge"));

        String dashboard = given().cookie("herald_admin", TOKEN).get("/admin").then().statusCode(200).extract()
                .asString();
        assertThat(dashboard).contains("Carol Chen", "<h2 id=\"new-heading\">New incident</h2>");
    }

    @Test
    void shouldRefuseACallbackWhoseStateIsNotThisBrowsers() throws Exception {
        Response start = start();
        URI back = atProvider(start);
        String forged = back.getRawQuery().replaceAll("state=[^&]+", "state=" + AdminSessions.random());
        Response answer = callback(URI.create("http://x/?" + forged), start.getCookie(OidcLoginResource.OIDC_COOKIE));
        answer.then().statusCode(400);
        assertThat(answer.asString()).contains("does not belong to the sign-in this browser started",
                "id=\"oidc-login\"");
        assertThat(api.callsTo("/api/v1/auth/sessions/oidc")).isZero();
        assertThat(answer.getCookie("herald_admin")).isNull();
    }

    @Test
    void shouldRefuseACallbackWithoutTheFlowCookieOrWithAnExpiredOne() throws Exception {
        URI back = atProvider(start());
        Response missing = callback(back, null);
        missing.then().statusCode(400);
        assertThat(missing.asString()).contains("took too long or was started in another browser");

        Response start = start();
        URI second = atProvider(start);
        String[] parts = start.getCookie(OidcLoginResource.OIDC_COOKIE).split("\\.");
        String old = parts[0] + "." + parts[1] + "." + parts[2] + "." + Instant.now().minusSeconds(3600).getEpochSecond();
        callback(second, old).then().statusCode(400);
        callback(second, "garbage").then().statusCode(400);
        assertThat(api.callsTo("/api/v1/auth/sessions/oidc")).isZero();
    }

    @Test
    void shouldShowTheProvidersRefusal() throws Exception {
        providerError = "access_denied";
        Response start = start();
        Response answer = callback(atProvider(start), start.getCookie(OidcLoginResource.OIDC_COOKIE));
        answer.then().statusCode(401);
        assertThat(answer.asString()).contains("Acme &lt;SSO&gt; did not sign you in: access_denied (The user "
                + "&lt;said&gt; no).");
        assertThat(api.callsTo("/api/v1/auth/sessions/oidc")).isZero();
    }

    @Test
    void shouldShowStatusApisAnswerWhenThePersonIsNotAnOperatorOrTheTokenIsRefused() throws Exception {
        Object[][] table = {
                {403, "dave@example.org signed in at the provider but is not a Herald operator: an administrator "
                        + "must add them first", 403, "an administrator must add them first"},
                {401, "The ID token expired at 2026-11-26T09:00:00Z. Sign in again.", 401,
                        "Sign-in with Acme &lt;SSO&gt; was refused: The ID token expired"},
                {502, "The identity provider could not be reached (token): ConnectException.", 502,
                        "Sign-in with Acme &lt;SSO&gt; failed: The identity provider could not be reached"},
        };
        for (Object[] row : table) {
            api.answer("POST /api/v1/auth/sessions/oidc", (int) row[0], "{\"type\":\"https://herald.io/problems/x\","
                    + "\"title\":\"x\",\"status\":" + row[0] + ",\"detail\":\"" + row[1] + "\"}");
            Response start = start();
            Response answer = callback(atProvider(start), start.getCookie(OidcLoginResource.OIDC_COOKIE));
            answer.then().statusCode((int) row[2]).contentType(org.hamcrest.Matchers.startsWith("text/html"));
            assertThat(answer.asString()).as("status-api answering %s", row[0]).contains((String) row[3])
                    .doesNotContain("Exception:").doesNotContain("at io.");
            assertThat(answer.getCookie("herald_admin")).isNull();
        }
    }

    @Test
    void shouldSayWhenStatusApiHasNoProvider() {
        api.serve("/api/v1/auth/oidc", null);
        Response answer = start();
        answer.then().statusCode(502);
        assertThat(answer.asString()).contains("Acme &lt;SSO&gt; is not available");
        assertThat(authorizeRequests).isEmpty();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
