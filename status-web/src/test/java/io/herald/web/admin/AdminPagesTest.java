package io.herald.web.admin;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.herald.web.support.FakeStatusApi.Call;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' pages against a fake status-api: login, CSRF, incidents, maintenance, overrides, audit, logout. */
@QuarkusTest
class AdminPagesTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(13000);
    private static final String TOKEN = "api-token-for-alice";
    private FakeStatusApi api;

    @jakarta.inject.Inject
    io.herald.web.WebConfig config;

    @BeforeEach
    void anOperatorAccount() {
        api = FakeStatusApi.shared();
        api.clearCalls();
        api.answer("POST /api/v1/auth/sessions", 201, "{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\","
                + "\"username\":\"alice\",\"display_name\":\"Alice <Ops>\",\"scopes\":[\"admin\"]}");
        api.answer("DELETE /api/v1/auth/sessions/current", 204, "");
        api.answer("GET /api/v1/admin/incident-templates", 200, "{\"templates\":[{\"id\":\"t1\",\"name\":\"Mail down\","
                + "\"status\":\"investigating\",\"impact\":\"major\",\"body\":\"We are investigating mail delivery.\"}]}");
        api.answer("POST /api/v1/admin/incidents", 201, "{\"id\":\"77\"}");
        api.answer("POST /api/v1/admin/maintenances", 201, "{\"id\":\"8\"}");
        api.answer("PUT /api/v1/admin/components/imap-pop/override", 200, "{}");
        api.answer("DELETE /api/v1/admin/components/imap-pop/override", 204, "");
        api.answer("GET /api/v1/admin/audit", 200, "{\"entries\":[{\"id\":\"5\",\"at\":\"2025-11-26T09:40:00Z\","
                + "\"actor\":\"alice\",\"action\":\"incident.update\",\"target\":\"incident:77\",\"before\":null,"
                + "\"after\":{\"body\":\"<script>x</script>\"}}]}");
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document("none", "2025-11-26T07:00:00Z", id,
                service("email", "Email", "operational", component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").asString())
                .contains("datetime=\"2025-11-26T07:00:00Z\""));
    }

    @Test
    void shouldSendAnonymousOperatorsToTheLoginForm() {
        given().redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/login"));
        given().redirects().follow(false).get("/admin/audit").then().statusCode(303);
    }

    @Test
    void shouldRefuseALoginWithoutItsCsrfToken() {
        given().redirects().follow(false).formParam("username", "alice").formParam("password", "secret")
                .post("/admin/login").then().statusCode(403);
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void shouldSayWhenThePasswordIsWrong() {
        api.answer("POST /api/v1/auth/sessions", 401, "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}");
        Response form = given().get("/admin/login");
        Response answer = given().redirects().follow(false).cookie("herald_login_csrf", form.cookie("herald_login_csrf"))
                .formParam("csrf", hidden(form.asString(), "csrf")).formParam("username", "alice")
                .formParam("password", "wrong").post("/admin/login");
        answer.then().statusCode(401);
        assertThat(answer.asString()).contains("Wrong username or password.");
        assertThat(answer.getDetailedCookie("herald_admin")).isNull();
    }

    @Test
    void shouldSayWhenThereWereTooManyAttempts() {
        api.answer("POST /api/v1/auth/sessions", 429, "{\"type\":\"about:blank\",\"title\":\"Too many sign-in "
                + "attempts\",\"status\":429,\"detail\":\"Too many sign-in attempts for this operator name; try again "
                + "in 12 s.\"}");
        Response form = given().get("/admin/login");
        Response answer = given().redirects().follow(false).cookie("herald_login_csrf", form.cookie("herald_login_csrf"))
                .formParam("csrf", hidden(form.asString(), "csrf")).formParam("username", "alice")
                .formParam("password", "guess").post("/admin/login");
        answer.then().statusCode(429);
        assertThat(answer.asString()).contains("try again in 12 s.").doesNotContain("Wrong username or password.");
        assertThat(answer.getDetailedCookie("herald_admin")).isNull();
    }

    @Test
    void shouldCarryStatusApisSessionTokenOnlyInAnHttpOnlyStrictCookie() {
        Response form = given().get("/admin/login");
        assertThat(form.header("Set-Cookie")).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        Response login = login();
        String setCookie = login.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("herald_admin="))
                .findFirst().orElseThrow();
        assertThat(setCookie).startsWith("herald_admin=" + TOKEN + ";").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/admin").contains("Max-Age=")
                .doesNotContain("Secure");
        Call call = api.calls().get(0);
        assertThat(call.path()).isEqualTo("/api/v1/auth/sessions");
        assertThat(call.body()).contains("\"username\":\"alice\"", "\"password\":\"secret\"");
        String dashboard = given().cookie("herald_admin", login.cookie("herald_admin")).get("/admin").then()
                .statusCode(200).header("Cache-Control", "no-store").extract().asString();
        assertThat(dashboard).contains("Alice &lt;Ops&gt;", "<h2 id=\"new-heading\">New incident</h2>")
                .doesNotContain(TOKEN);
        assertThat(hidden(dashboard, "csrf")).isEqualTo(AdminSessions.csrf(TOKEN)).doesNotContain(TOKEN);
    }

    @Test
    void shouldAcceptTheSessionInAStatusWebWithNoStateOfItsOwnAndEndItEverywhereOnLogout() {
        String session = login().cookie("herald_admin");
        // a second replica, or this one after a restart: new objects, nothing shared but status-api
        io.vertx.core.Vertx otherVertx = io.vertx.core.Vertx.vertx();
        try {
            AdminSessions replica = new AdminSessions(new AdminApiClient(otherVertx, config), config);
            AdminSessions.Session seen = replica.resolve(session).await().atMost(Duration.ofSeconds(5));
            assertThat(seen).isNotNull();
            assertThat(seen.displayName()).isEqualTo("Alice <Ops>");
            assertThat(seen.csrf()).isEqualTo(hidden(given().cookie("herald_admin", session).get("/admin").asString(),
                    "csrf"));

            given().redirects().follow(false).cookie("herald_admin", session).formParam("csrf", seen.csrf())
                    .post("/admin/logout").then().statusCode(303);
            assertThat(replica.resolve(session).await().atMost(Duration.ofSeconds(5))).isNull();
        } finally {
            otherVertx.close();
        }
    }

    @Test
    void shouldSendTheOperatorToTheLoginFormOnceStatusApiEndedTheSession() {
        String session = login().cookie("herald_admin");
        given().cookie("herald_admin", session).get("/admin").then().statusCode(200);
        api.endSession(session);
        given().redirects().follow(false).cookie("herald_admin", session).get("/admin").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/login"));
        given().redirects().follow(false).cookie("herald_admin", "not a token!").get("/admin").then().statusCode(303);
    }

    @Test
    void shouldEndASessionOlderThanTheAdminSessionTimeout() {
        String session = login().cookie("herald_admin");
        api.ageSession(session, config.adminSessionTimeout().plusMinutes(1));
        api.clearCalls();
        given().redirects().follow(false).cookie("herald_admin", session).get("/admin").then().statusCode(303);
        assertThat(last("/api/v1/auth/sessions/current").method()).as("ended at status-api too").isEqualTo("DELETE");
        assertThat(api.sessionLives(session)).isFalse();
    }

    @Test
    void shouldOfferNoSingleSignOnWhenItIsNotConfigured() {
        assertThat(given().get("/admin/login").then().statusCode(200).extract().asString())
                .doesNotContain("oidc-login").doesNotContain("Sign in with");
        given().redirects().follow(false).get("/admin/login/oidc").then().statusCode(404);
        given().redirects().follow(false).get("/admin/login/oidc/callback?code=c&state=s").then().statusCode(404);
    }

    @Test
    void shouldPreviewThenPostAnIncidentWithTheOperatorsToken() {
        String session = login().cookie("herald_admin");
        String dashboard = given().cookie("herald_admin", session).get("/admin?template=t1").asString();
        assertThat(dashboard).contains("We are investigating mail delivery.</textarea>", "value=\"major\" selected");
        String csrf = hidden(dashboard, "csrf");
        api.clearCalls();

        String preview = given().cookie("herald_admin", session).formParam("csrf", csrf).formParam("action", "preview")
                .formParam("name", "Mail <down>").formParam("status", "investigating").formParam("impact", "major")
                .formParam("body", "<script>alert(1)</script> checking").formParam("component_imap-pop", "major_outage")
                .post("/admin/incidents").then().statusCode(200).extract().asString();
        assertThat(preview).contains("id=\"preview\"", "Mail &lt;down&gt;", "&lt;script&gt;alert(1)&lt;/script&gt; checking",
                "Affected: IMAP / POP", "value=\"major_outage\" selected").doesNotContain("<script>alert");
        assertThat(api.calls()).as("a preview posts nothing").noneMatch(c -> c.path().equals("/api/v1/admin/incidents"));

        given().redirects().follow(false).cookie("herald_admin", session).formParam("csrf", csrf)
                .formParam("action", "post").formParam("name", "Mail down").formParam("status", "investigating")
                .formParam("impact", "major").formParam("body", "Checking").formParam("component_imap-pop", "major_outage")
                .formParam("component_smtp-submission", "").formParam("deliver_notifications", "on")
                .post("/admin/incidents").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin?done=incident-posted"));
        Call post = last("/api/v1/admin/incidents");
        assertThat(post.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(post.body()).contains("\"name\":\"Mail down\"", "\"impact\":\"major\"",
                "\"components\":{\"imap-pop\":\"major_outage\"}", "\"deliver_notifications\":true");
        assertThat(given().cookie("herald_admin", session).get("/admin?done=incident-posted").asString())
                .contains("Incident posted.");
    }

    @Test
    void shouldRefuseAFormWithoutTheSessionsCsrfToken() {
        String session = login().cookie("herald_admin");
        api.clearCalls();
        given().cookie("herald_admin", session).formParam("csrf", "forged").formParam("action", "post")
                .formParam("name", "x").post("/admin/incidents").then().statusCode(403);
        given().cookie("herald_admin", session).formParam("component", "imap-pop").formParam("action", "clear")
                .post("/admin/overrides").then().statusCode(403);
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void shouldScheduleMaintenanceInThePagesTimeZoneAndOverrideAComponent() {
        String session = login().cookie("herald_admin");
        String csrf = hidden(given().cookie("herald_admin", session).get("/admin").asString(), "csrf");
        given().redirects().follow(false).cookie("herald_admin", session).formParam("csrf", csrf)
                .formParam("name", "Upgrade").formParam("body", "Short pause").formParam("scheduled_for", "2025-11-28T21:00")
                .formParam("scheduled_until", "2025-11-28T23:00").formParam("components", "smtp-submission")
                .formParam("components", "imap-pop").formParam("auto_transition", "on")
                .post("/admin/maintenances").then().statusCode(303);
        assertThat(last("/api/v1/admin/maintenances").body()).contains("\"scheduled_for\":\"2025-11-28T20:00:00Z\"",
                "\"scheduled_until\":\"2025-11-28T22:00:00Z\"", "\"components\":[\"smtp-submission\",\"imap-pop\"]",
                "\"auto_transition\":true");

        given().redirects().follow(false).cookie("herald_admin", session).formParam("csrf", csrf)
                .formParam("component", "imap-pop").formParam("status", "under_maintenance").formParam("until", "")
                .formParam("reason", "Vendor work").formParam("action", "set").post("/admin/overrides").then().statusCode(303);
        Call put = last("/api/v1/admin/components/imap-pop/override");
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.body()).contains("\"status\":\"under_maintenance\"", "\"until\":null", "\"reason\":\"Vendor work\"");
        given().redirects().follow(false).cookie("herald_admin", session).formParam("csrf", csrf)
                .formParam("component", "imap-pop").formParam("action", "clear").post("/admin/overrides").then()
                .statusCode(303);
        assertThat(last("/api/v1/admin/components/imap-pop/override").method()).isEqualTo("DELETE");
    }

    @Test
    void shouldPercentEncodeAComponentInThePathAndTheAuditCursorInTheQuery() {
        String session = login().cookie("herald_admin");
        String csrf = hidden(given().cookie("herald_admin", session).get("/admin").asString(), "csrf");
        api.answer("DELETE /api/v1/admin/components/a%20b%2Bc/override", 204, "");
        given().redirects().follow(false).cookie("herald_admin", session).formParam("csrf", csrf)
                .formParam("component", "a b+c").formParam("action", "clear").post("/admin/overrides").then()
                .statusCode(303);
        String path = last("/api/v1/admin/components/a%20b%2Bc/override").path();
        assertThat(java.net.URI.create("http://status-api" + path).getPath())
                .as("a path decoder reads back the component's id").isEqualTo("/api/v1/admin/components/a b+c/override");

        given().cookie("herald_admin", session).queryParam("before", "a b+c").get("/admin/audit").then()
                .statusCode(200);
        String query = last("/api/v1/admin/audit").query();
        assertThat(query).isEqualTo("limit=50&before=a%20b%2Bc");
        assertThat(new io.netty.handler.codec.http.QueryStringDecoder(query, false).parameters().get("before"))
                .as("a query decoder (status-api's) reads back the cursor").containsExactly("a b+c");
    }

    @Test
    void shouldShowTheAuditLogEscaped() {
        String session = login().cookie("herald_admin");
        String audit = given().cookie("herald_admin", session).get("/admin/audit").then().statusCode(200).extract()
                .asString();
        assertThat(audit).contains("<td>alice</td><td>incident.update</td><td>incident:77</td>",
                "{&quot;body&quot;:&quot;&lt;script&gt;x&lt;/script&gt;&quot;}").doesNotContain("<script>x");
    }

    @Test
    void shouldLogOutHereAndAtStatusApi() {
        String session = login().cookie("herald_admin");
        String csrf = hidden(given().cookie("herald_admin", session).get("/admin").asString(), "csrf");
        given().redirects().follow(false).cookie("herald_admin", session).formParam("csrf", csrf).post("/admin/logout")
                .then().statusCode(303);
        Call delete = last("/api/v1/auth/sessions/current");
        assertThat(delete.method()).isEqualTo("DELETE");
        assertThat(delete.authorization()).isEqualTo("Bearer " + TOKEN);
        given().redirects().follow(false).cookie("herald_admin", session).get("/admin").then().statusCode(303);
    }

    private Response login() {
        Response form = given().get("/admin/login");
        Response login = given().redirects().follow(false).cookie("herald_login_csrf", form.cookie("herald_login_csrf"))
                .formParam("csrf", hidden(form.asString(), "csrf")).formParam("username", "alice")
                .formParam("password", "secret").post("/admin/login");
        login.then().statusCode(303);
        return login;
    }

    private Call last(String path) {
        List<Call> calls = api.calls().stream().filter(c -> c.path().equals(path)).toList();
        assertThat(calls).as("calls to %s", path).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]+)\">").matcher(html);
        assertThat(m.find()).as("hidden %s in %s", name, html).isTrue();
        return m.group(1);
    }
}
