package io.herald.web.incident;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.incident;
import static io.herald.web.support.StatusDocs.maintenance;
import static io.herald.web.support.StatusDocs.service;
import static io.herald.web.support.StatusDocs.transition;
import static io.herald.web.support.StatusDocs.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.model.HeraldJson;
import io.herald.web.cache.UpstreamPageCache;
import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class IncidentPagesTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(7000);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private FakeStatusApi api;

    static Map<String, Object> resolvedIncident(String body) {
        return incident("41", "ActiveSync: some users cannot connect", "resolved", "major",
                "2025-11-26T08:00:00Z", "2025-11-26T21:00:00Z",
                List.of(affected("activesync-endpoints", "ActiveSync endpoints", "operational")),
                update("investigating", "Probes fail on 2 of 5 endpoints", "2025-11-26T08:00:00Z",
                        transition("activesync-endpoints", "ActiveSync endpoints", "operational", "partial_outage")),
                update("identified", body, "2025-11-26T08:40:00Z"),
                update("resolved", "All endpoints answer again", "2025-11-26T21:00:00Z",
                        transition("activesync-endpoints", "ActiveSync endpoints", "partial_outage", "operational")));
    }

    @Inject
    UpstreamPageCache cache;

    @AfterEach
    void statusApiAnswersAgain() {
        api.failGets("/api/v1/incidents", null);
        api.failGets("/api/v1/incidents/77", null);
        api.failGets("/api/v1/maintenances", null);
    }

    @BeforeEach
    void aStatusAndOneResolvedIncident() {
        api = FakeStatusApi.shared();
        api.serve("/api/v1/incidents/41", HeraldJson.write(resolvedIncident("A change at the <b>mail provider</b>")));
        api.serve("/api/v1/incidents", HeraldJson.write(Map.of("incidents", List.of(resolvedIncident("x")))));
        api.serve("/api/v1/maintenances/7", HeraldJson.write(maintenance("7", "Mail server upgrade", "scheduled",
                "2025-11-28T20:00:00Z", "2025-11-28T22:00:00Z",
                List.of(affected("smtp-submission", "SMTP submission", "operational")),
                update("scheduled", "Sending may pause", "2025-11-26T07:00:00Z"))));
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document("none", "2025-11-26T21:00:00Z", id,
                service("email", "Email", "operational", component("smtp-submission", "SMTP submission", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.announceGap();
        Eventually.within(SETTLE, () -> assertThat(given().get("/").then().extract().asString())
                .contains("datetime=\"2025-11-26T21:00:00Z\""));
    }

    @Test
    void shouldShowAnIncidentsWholeTimelineNewestFirstWithItsDuration() {
        Response response = given().header("Accept-Language", "en").get("/incidents/41");
        response.then().statusCode(200).contentType("text/html;charset=UTF-8");
        assertThat(response.header("ETag")).isNotBlank();
        String html = response.asString();
        assertThat(html).contains("<h1 class=\"incident-title\">ActiveSync: some users cannot connect</h1>",
                "<span class=\"incident-status\">Resolved</span>", "Impact: Major",
                "<dd id=\"incident-duration\">13 h</dd>", "<dd id=\"incident-components\">ActiveSync endpoints</dd>",
                "A change at the &lt;b&gt;mail provider&lt;/b&gt;",
                "<li>ActiveSync endpoints: Partial outage</li>");
        assertThat(html.indexOf("All endpoints answer again")).isLessThan(html.indexOf("&lt;b&gt;mail provider"));
        assertThat(html.indexOf("&lt;b&gt;mail provider")).isLessThan(html.indexOf("Probes fail on 2 of 5"));
        given().header("If-None-Match", response.header("ETag")).header("Accept-Language", "en").get("/incidents/41")
                .then().statusCode(304);
    }

    @Test
    void shouldServeTheIncidentPageFromMemoryOnceFetched() {
        given().get("/incidents/41").then().statusCode(200);
        int before = api.requests("/api/v1/incidents/41");
        for (int i = 0; i < 20; i++) {
            given().get("/incidents/41").then().statusCode(200);
        }
        assertThat(api.requests("/api/v1/incidents/41")).isEqualTo(before);
    }

    @Test
    void shouldAnswer404ForAnUnknownIncident() {
        given().get("/incidents/999").then().statusCode(404).contentType("text/html;charset=UTF-8");
    }

    @Test
    void shouldShowAMaintenanceWithItsWindowInFrench() {
        String html = given().header("Accept-Language", "fr").get("/maintenance/7").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("<html lang=\"fr\">", "Mail server upgrade", "Planifiée", "Créneau",
                "28 nov. 2025, 21:00 CET");
    }

    @Test
    void shouldListTheIncidentsOfAMonthWithLinks() {
        String html = given().get("/history/2025-11").then().statusCode(200).extract().asString();
        assertThat(html).contains("History: November 2025".replace("History", "Incident history"),
                "<a href=\"/incidents/41\">ActiveSync: some users cannot connect</a>", "Duration: 13 h",
                "href=\"/history/2025-10\"", "href=\"/history/2025-12\"");
    }

    /** A month never fetched, while status-api answers 5xx or not at all: 503 in words, never a 500. */
    @ParameterizedTest
    @ValueSource(ints = {503, 500, FakeStatusApi.CLOSE})
    void shouldAnswer503InWordsForAHistoryItCannotHaveNowAndNeverHad(int failure) {
        api.failGets("/api/v1/incidents", failure);
        Response english = given().header("Accept-Language", "en").get("/history/2024-03");
        english.then().statusCode(503).contentType("text/html;charset=UTF-8").header("Cache-Control", "no-store");
        assertThat(english.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(english.asString()).contains("<h1>Incident history: March 2024</h1>",
                "History is not available right now; the current status above is live.",
                "Current status: <a href=\"/\">All Systems Operational</a>", "href=\"/history/2024-02\"");
        String french = given().header("Accept-Language", "fr").get("/history/2024-03").then().statusCode(503)
                .extract().asString();
        assertThat(french).contains("<html lang=\"fr\">",
                "L’historique n’est pas disponible pour le moment ; l’état actuel ci-dessus est en direct.",
                "Tous les systèmes sont opérationnels");
        // The same for an incident's page: the same defect, the same answer.
        api.failGets("/api/v1/incidents/77", failure);
        given().header("Accept-Language", "en").get("/incidents/77").then().statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("This page is not available right now; the current status above is live."));
        // And a feed: no page in words for a feed reader, but a 503 it retries, never a 500.
        api.failGets("/api/v1/maintenances", failure);
        given().get("/feeds/components/activesync-endpoints/maintenance.rss").then().statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldServeAHistoryItHasMarkedAsPossiblyOldWhileStatusApiFailsAndPlainAgainOnceItAnswers() {
        String fresh = given().header("Accept-Language", "en").get("/history/2024-04").then().statusCode(200)
                .extract().asString();
        assertThat(fresh).contains("<a href=\"/incidents/41\">").doesNotContain("may be out of date");
        given().header("Accept-Language", "fr").get("/history/2024-04").then().statusCode(200);

        api.failGets("/api/v1/incidents", 503);
        cache.invalidateAll();
        Eventually.within(SETTLE, () -> assertThat(given().header("Accept-Language", "en").get("/history/2024-04")
                .then().statusCode(200).extract().asString())
                .contains("This history may be out of date: the status service does not answer, so it is shown as "
                        + "it was at ")
                .contains("<a href=\"/incidents/41\">ActiveSync: some users cannot connect</a>"));
        Eventually.within(SETTLE, () -> assertThat(given().header("Accept-Language", "fr").get("/history/2024-04")
                .then().statusCode(200).extract().asString()).contains("Cet historique peut être dépassé"));

        api.failGets("/api/v1/incidents", null);
        cache.invalidateAll();
        Eventually.within(SETTLE, () -> assertThat(given().header("Accept-Language", "en").get("/history/2024-04")
                .then().statusCode(200).extract().asString()).doesNotContain("may be out of date")
                .contains("<a href=\"/incidents/41\">"));
    }

    /** A month Herald cannot show is bad input: a 400 in words for a browser, problem+json for a program. */
    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12", "-999999999-01", "1969-12", "10000-01", "0000-01", "2025-13", "2025-00",
            "2025-1", "2025-11-01", "not-a-month", "%E2%80%AE2025-11"})
    void shouldAnswerBadRequestForAMonthOutsideTheRangeOrNotAMonth(String month) {
        String english = given().urlEncodingEnabled(false).accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", "en").get("/history/" + month)
                .then().statusCode(400).contentType("text/html;charset=UTF-8").extract().asString();
        assertThat(english).contains("<html lang=\"en\">", "<h1>Not a month</h1>", "from 1970-01 to 9999-12",
                "href=\"/history\"");
        String french = given().urlEncodingEnabled(false).accept("text/html").header("Accept-Language", "fr")
                .get("/history/" + month).then().statusCode(400).contentType("text/html;charset=UTF-8").extract()
                .asString();
        assertThat(french).contains("<html lang=\"fr\">", "<h1>Ce n’est pas un mois</h1>", "de 1970-01 à 9999-12");
        for (String accept : List.of("application/problem+json", "application/json")) {
            given().urlEncodingEnabled(false).accept(accept).get("/history/" + month).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://herald.io/problems/bad-month"))
                    .body("status", equalTo(400)).body("field", equalTo("month"))
                    .body("detail", containsString("1970-01 to 9999-12"));
        }
    }

    @Test
    void shouldShowTheFirstAndLastMonthsWithoutALinkPastThem() {
        String first = given().get("/history/1970-01").then().statusCode(200).extract().asString();
        assertThat(first).contains("href=\"/history/1970-02\"").doesNotContain("href=\"/history/1969-12\"");
        String last = given().get("/history/9999-12").then().statusCode(200).extract().asString();
        assertThat(last).contains("href=\"/history/9999-11\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void shouldStillAnswerAProgramAskingForJsonOnlyWith406ForAGoodMonth() {
        given().accept("application/json").get("/history/2025-11").then().statusCode(406)
                .contentType("application/problem+json");
    }
}
