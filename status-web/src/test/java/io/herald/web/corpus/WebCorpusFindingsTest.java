package io.herald.web.corpus;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.herald.web.problem.AnswerMedia;
import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The faults WebCorpusTest found, each held by a test of its own (the corpus's seed may change). */
@QuarkusTest
@TestProfile(WebCorpusFindingsTest.ItsOwnApp.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebCorpusFindingsTest {
    /** Its own application and fake status-api, so the documents it serves stay its own. */
    public static class ItsOwnApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.web.api-url", "http://127.0.0.1:" + FakeStatusApi.portFor("web-corpus-findings"));
        }
    }

    private FakeStatusApi api;

    @BeforeAll
    void startStatusApi() {
        api = FakeStatusApi.startOn(FakeStatusApi.portFor("web-corpus-findings"));
    }

    @AfterAll
    void stopStatusApi() {
        api.stop();
    }

    private static final List<String> NO_SUCH = List.of("/components/no-such-thing", "/badges/components/no-such-thing.svg",
            "/feeds/components/no-such-thing/incidents.atom", "/feeds/components/no-such-thing/maintenance.rss",
            "/components/no-such-thing/maintenance.ics", "/maintenance/999/calendar.ics");

    @BeforeEach
    void aStatus() {
        api.serve("/api/v1/maintenances", "{\"maintenances\":[]}");
        api.answer("POST /api/v1/auth/sessions", 401, "{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"Wrong username or password.\"}");
        api.status(document("none", "2025-11-26T21:00:00Z", "1764147600000-" + System.nanoTime() % 1_000_000,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").asString())
                .contains("id=\"component-smtp-submission\""));
    }

    @Test
    void shouldReadAnAcceptOfSemicolonsOnlyAsAskingForNothing() {
        assertThat(AnswerMedia.prefersProblem(";;;")).isFalse();
        assertThat(AnswerMedia.prefersProblem(";")).isFalse();
        // once a 500 (ArrayIndexOutOfBoundsException) on a form refused before it is matched (another site's)
        given().header("Accept", ";;;").header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded").formParam("csrf", "x")
                .post("/admin/login").then().statusCode(403).contentType(startsWith("text/html"));
    }

    @Test
    void shouldAnswerNoSuchComponentOrMaintenanceWithAPageInWordsOrAProblem() {
        for (String path : NO_SUCH) {
            // a browser asks for the page (badges, feeds and calendars are not HTML, so a browser sends */* there)
            given().header("Accept", path.startsWith("/components/no-such-thing") && !path.endsWith(".ics")
                            ? "text/html" : "*/*").get(path).then().statusCode(404)
                    .contentType(startsWith("text/html")).body(containsString("<h1>Page not found</h1>"))
                    .body(containsString("There is no such"));
            given().header("Accept", "application/problem+json, */*;q=0.1").get(path).then().statusCode(404)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(404))
                    .body("title", equalTo("Not found")).body("detail", startsWith("There is no such"));
        }
    }

    @Test
    void shouldSendTheWholeStaticFileWhateverTheRange() {
        String whole = given().get("/css/status.css").then().statusCode(200).extract().asString();
        for (String range : List.of("bytes=9-1", "bytes=0-3", "lines=1-2", "bytes=x")) {
            given().header("Range", range).get("/css/status.css").then().statusCode(200)
                    .body(equalTo(whole));
        }
    }

    @Test
    void shouldTellAProgramAskingForJsonThatItsLoginFailedAsJson() {
        Response form = given().get("/admin/login");
        String csrf = form.asString().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        given().cookie("herald_login_csrf", form.getCookie("herald_login_csrf")).header("Accept",
                        "application/problem+json").contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("username", "root-operator").formParam("password", "wrong")
                .post("/admin/login").then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401)).body("detail", equalTo("Wrong username or password."));
        given().cookie("herald_login_csrf", form.getCookie("herald_login_csrf")).contentType(
                        "application/x-www-form-urlencoded").formParam("csrf", csrf)
                .formParam("username", "root-operator").formParam("password", "wrong")
                .post("/admin/login").then().statusCode(401).contentType(startsWith("text/html"))
                .body(containsString("Wrong username or password."));
    }
}
