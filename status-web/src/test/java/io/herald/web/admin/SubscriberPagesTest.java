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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operators' Subscribers page against a fake status-api: the list, a delivery log, subscribing a team. */
@QuarkusTest
class SubscriberPagesTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(14000);
    private static final String TOKEN = "api-token-for-bob";
    private FakeStatusApi api;

    @BeforeEach
    void anOperatorAndTwoSubscribers() {
        api = FakeStatusApi.shared();
        api.clearCalls();
        api.answer("POST /api/v1/auth/sessions", 201, "{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\","
                + "\"username\":\"bob\",\"display_name\":\"Bob\",\"scopes\":[\"admin\"]}");
        api.answer("GET /api/v1/admin/subscribers", 200, "[{\"id\":1,\"kind\":\"webhook\","
                + "\"target\":\"https://helpdesk.example.org/hook?<b>\",\"components\":[\"imap-pop\"],"
                + "\"component_changes\":false,\"confirmed\":true,\"created_at\":\"2025-11-26T08:00:00Z\","
                + "\"created_by\":\"alice\",\"unsubscribed_at\":null,\"unsubscribe_reason\":null},"
                + "{\"id\":2,\"kind\":\"email\",\"target\":\"noc@example.org\",\"components\":[],"
                + "\"component_changes\":true,\"confirmed\":true,\"created_at\":\"2025-11-26T08:30:00Z\","
                + "\"created_by\":null,\"unsubscribed_at\":\"2025-11-26T09:00:00Z\",\"unsubscribe_reason\":\"410\"}]");
        api.answer("GET /api/v1/admin/subscribers/1/deliveries", 200, "[{\"id\":\"d2\",\"event_id\":9,"
                + "\"type\":\"incident.updated\",\"state\":\"pending\",\"attempts\":3,\"last_status_code\":503,"
                + "\"last_error\":\"HTTP 503 <busy>\",\"created_at\":\"2025-11-26T09:00:00Z\","
                + "\"last_attempt_at\":\"2025-11-26T09:02:00Z\",\"next_attempt_at\":\"2025-11-26T09:10:00Z\","
                + "\"delivered_at\":null},{\"id\":\"d1\",\"event_id\":8,\"type\":\"incident.opened\","
                + "\"state\":\"delivered\",\"attempts\":1,\"last_status_code\":200,\"last_error\":null,"
                + "\"created_at\":\"2025-11-26T08:40:00Z\",\"last_attempt_at\":\"2025-11-26T08:40:01Z\","
                + "\"next_attempt_at\":null,\"delivered_at\":\"2025-11-26T08:40:01Z\"}]");
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
        given().redirects().follow(false).get("/admin/subscribers").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/admin/login"));
        given().redirects().follow(false).get("/admin/subscribers/1").then().statusCode(303);
        assertThat(api.callsTo("/api/v1/admin/subscribers")).isZero();
    }

    @Test
    void shouldListTheSubscribersWithTheOperatorsTokenEscaped() {
        String session = login();
        String page = given().cookie("herald_admin", session).get("/admin/subscribers").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(page).contains("<td>webhook</td><td>https://helpdesk.example.org/hook?&lt;b&gt;</td><td>imap-pop</td>",
                "<td>noc@example.org</td><td>whole page</td><td>yes</td><td>unsubscribed (410)",
                "href=\"/admin/subscribers/1\"", " by alice").doesNotContain("?<b>").doesNotContain(TOKEN);
        assertThat(api.lastCall("GET", "/api/v1/admin/subscribers").authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(given().cookie("herald_admin", session).get("/admin").asString())
                .contains("href=\"/admin/subscribers\"");
    }

    @Test
    void shouldShowASubscribersDeliveryLog() {
        String session = login();
        String log = given().cookie("herald_admin", session).get("/admin/subscribers/1").then().statusCode(200)
                .extract().asString();
        assertThat(log).contains("<td>incident.updated</td><td>pending</td><td>3</td><td>503</td><td>HTTP 503 &lt;busy&gt;</td>",
                "datetime=\"2025-11-26T09:10:00Z\"", "<td>incident.opened</td><td>delivered</td><td>1</td><td>200</td>")
                .doesNotContain("<busy>");
        assertThat(api.lastCall("GET", "/api/v1/admin/subscribers/1/deliveries").authorization())
                .isEqualTo("Bearer " + TOKEN);

        given().cookie("herald_admin", session).get("/admin/subscribers/1%2F..%2Fx").then().statusCode(404);
        api.answer("GET /api/v1/admin/subscribers/99/deliveries", 404, "{\"type\":\"about:blank\",\"title\":"
                + "\"Not Found\",\"status\":404,\"detail\":\"There is no subscriber '99'.\"}");
        assertThat(given().cookie("herald_admin", session).get("/admin/subscribers/99").then().statusCode(404)
                .extract().asString()).contains("There is no subscriber &#39;99&#39;.");
    }

    @Test
    void shouldSubscribeATeamDirectlyAndShowTheSecretOnce() {
        api.answer("POST /api/v1/admin/subscribers", 201, "{\"id\":3,\"kind\":\"webhook\","
                + "\"target\":\"https://helpdesk.example.org/herald\",\"components\":[\"imap-pop\",\"smtp-submission\"],"
                + "\"confirmed\":true,\"secret\":\"whsec_c2VjcmV0\"}");
        String session = login();
        String csrf = hidden(given().cookie("herald_admin", session).get("/admin/subscribers").asString(), "csrf");

        String answer = given().cookie("herald_admin", session).formParam("csrf", csrf).formParam("kind", "webhook")
                .formParam("target", "https://helpdesk.example.org/herald").formParam("components", "imap-pop")
                .formParam("components", "smtp-submission").post("/admin/subscribers").then().statusCode(200)
                .extract().asString();
        assertThat(answer).contains("Subscribed: https://helpdesk.example.org/herald.",
                "<code id=\"secret\">whsec_c2VjcmV0</code>");
        Call post = api.lastCall("POST", "/api/v1/admin/subscribers");
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(post.body()).contains("\"kind\":\"webhook\"", "\"url\":\"https://helpdesk.example.org/herald\"",
                "\"components\":[\"imap-pop\",\"smtp-submission\"]", "\"component_changes\":false");
        assertThat(given().cookie("herald_admin", session).get("/admin/subscribers").asString())
                .as("the secret is shown once").doesNotContain("whsec_c2VjcmV0");
    }

    @Test
    void shouldKeepWhatTheOperatorTypedWhenStatusApiRefusesIt() {
        api.answer("POST /api/v1/admin/subscribers", 422, "{\"type\":\"about:blank\",\"title\":\"Unprocessable\","
                + "\"status\":422,\"detail\":\"The field 'email' is not a mail address.\"}");
        String session = login();
        String csrf = hidden(given().cookie("herald_admin", session).get("/admin/subscribers").asString(), "csrf");
        String answer = given().cookie("herald_admin", session).formParam("csrf", csrf).formParam("kind", "email")
                .formParam("target", "not-an-address").formParam("component_changes", "on")
                .post("/admin/subscribers").then().statusCode(422).extract().asString();
        assertThat(answer).contains("The field &#39;email&#39; is not a mail address.", "value=\"not-an-address\"",
                "name=\"component_changes\" checked");
        assertThat(api.lastCall("POST", "/api/v1/admin/subscribers").body()).contains("\"email\":\"not-an-address\"",
                "\"component_changes\":true");
    }

    @Test
    void shouldRefuseToSubscribeWithoutTheSessionsCsrfToken() {
        String session = login();
        api.clearCalls();
        given().cookie("herald_admin", session).formParam("csrf", "forged").formParam("kind", "email")
                .formParam("target", "noc@example.org").post("/admin/subscribers").then().statusCode(403);
        given().cookie("herald_admin", session).formParam("kind", "email")
                .formParam("target", "noc@example.org").post("/admin/subscribers").then().statusCode(403);
        assertThat(api.calls()).isEmpty();
    }

    private String login() {
        Response form = given().get("/admin/login");
        Response login = given().redirects().follow(false).cookie("herald_login_csrf", form.cookie("herald_login_csrf"))
                .formParam("csrf", hidden(form.asString(), "csrf")).formParam("username", "bob")
                .formParam("password", "secret").post("/admin/login");
        login.then().statusCode(303);
        return login.cookie("herald_admin");
    }

    private static String hidden(String html, String name) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]+)\">").matcher(html);
        assertThat(m.find()).as("hidden %s in %s", name, html).isTrue();
        return m.group(1);
    }
}
