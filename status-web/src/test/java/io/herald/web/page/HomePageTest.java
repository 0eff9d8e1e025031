package io.herald.web.page;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.badDay;
import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.incident;
import static io.herald.web.support.StatusDocs.maintenance;
import static io.herald.web.support.StatusDocs.service;
import static io.herald.web.support.StatusDocs.transition;
import static io.herald.web.support.StatusDocs.update;
import static io.herald.web.support.StatusDocs.uptime;
import static io.herald.web.support.StatusDocs.uptimeComponent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.herald.web.support.SseRecorder;
import io.herald.web.view.SseEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The home page's incidents, maintenance, uptime bars and languages, from a fake status-api. */
@QuarkusTest
class HomePageTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(5000);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    static final String SCRIPT_BODY = "<script>document.title='pwned'</script> We are looking into it & more";

    @TestHTTPResource("/events")
    URI events;

    private FakeStatusApi api;

    @BeforeEach
    void anOutageWithAnIncidentAMaintenanceAndUptime() {
        api = FakeStatusApi.shared();
        api.serve("/api/v1/uptime/days", uptime(
                uptimeComponent("activesync-endpoints", "ActiveSync endpoints", 90, 99.4321,
                        Map.of(1, badDay(45.0, "partial_outage", 47520, "inc-1", "ActiveSync: some users cannot connect"),
                                0, badDay(98.5, "degraded_performance", 1296, null, null))),
                uptimeComponent("smtp-submission", "SMTP submission", 90, 100.0, Map.of())));
        String id = nextId();
        api.status(document("major", "2025-11-26T09:05:00Z", id,
                List.of(incident("inc-1", "ActiveSync: some users cannot connect", "identified", "major",
                        "2025-11-26T08:00:00Z", null,
                        List.of(affected("activesync-endpoints", "ActiveSync endpoints", "partial_outage")),
                        update("investigating", "Probes fail on 2 of 5 endpoints", "2025-11-26T08:00:00Z",
                                transition("activesync-endpoints", "ActiveSync endpoints", "operational",
                                        "partial_outage")),
                        update("identified", SCRIPT_BODY, "2025-11-26T08:40:00Z"))),
                List.of(maintenance("mnt-1", "Mail server upgrade", "scheduled", "2025-11-28T20:00:00Z",
                        "2025-11-28T22:00:00Z", List.of(affected("smtp-submission", "SMTP submission", "operational")),
                        update("scheduled", "Sending may pause for a few minutes", "2025-11-26T07:00:00Z"))),
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null)),
                service("activesync", "ActiveSync", "partial_outage",
                        component("activesync-endpoints", "ActiveSync endpoints", "partial_outage", "2 of 5 fail"))));
        api.announceGap();
        Eventually.within(SETTLE, () -> assertThat(page("en")).contains("Mail server upgrade").contains("day-"));
    }

    @AfterEach
    void stopServingUptime() {
        api.serve("/api/v1/uptime/days", null);
    }

    @Test
    void shouldShowTheActiveIncidentWithItsLatestUpdateAboveTheServices() {
        String html = page("en");
        int incidents = html.indexOf("id=\"incidents\"");
        int services = html.indexOf("id=\"services-heading\"");
        assertThat(incidents).isPositive().isLessThan(services);
        String item = element(html, "li", "incident-inc-1");
        assertThat(item).contains("<a href=\"/incidents/inc-1\">ActiveSync: some users cannot connect</a>")
                .contains("<span class=\"incident-status\">Identified</span>")
                .contains("Impact: Major")
                .contains("Affected: ActiveSync endpoints")
                .contains("<time datetime=\"2025-11-26T08:40:00Z\" data-local=\"datetime\">26 Nov 2025, 09:40 CET</time>")
                .doesNotContain("Probes fail on 2 of 5 endpoints");
        assertThat(html.indexOf("id=\"incidents\"")).isLessThan(html.indexOf("id=\"maintenances\""));
    }

    @Test
    void shouldEscapeAScriptTagInAnIncidentUpdate() throws Exception {
        String html = page("en");
        assertThat(html).doesNotContain("<script>document.title")
                .contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt; We are looking into it &amp; more");
        try (SseRecorder recorder = new SseRecorder(URI.create(events + "?lang=en"))) {
            Eventually.within(SETTLE, () -> assertThat(recorder.events()).isNotEmpty());
            SseEvent first = recorder.events().get(0);
            // The live view carries the body as a JSON string; live.js puts it in the page with textContent only.
            assertThat(first.data()).contains("\"body\":\"<script>document.title='pwned'</script> We are looking");
        }
    }

    @Test
    void shouldShowUpcomingMaintenanceWithItsWindow() {
        String item = element(page("en"), "li", "incident-mnt-1");
        assertThat(item).contains("<a href=\"/maintenance/mnt-1\">Mail server upgrade</a>")
                .contains("Scheduled from <time datetime=\"2025-11-28T20:00:00Z\" data-local=\"datetime\">28 Nov 2025, 21:00 CET</time>")
                .contains(" to <time datetime=\"2025-11-28T22:00:00Z\"")
                .contains("Sending may pause for a few minutes")
                .contains("Affected: SMTP submission");
    }

    @Test
    void shouldDrawANinetyDayBarWithOneTabStopAndEachDayInWords() {
        String component = element(page("en"), "li", "component-activesync-endpoints");
        Matcher days = Pattern.compile("<span class=\"day\" data-status=\"([a-z_]+)\" data-date=\"([0-9-]+)\" role=\"img\" "
                + "tabindex=\"(-?[0-9])\" aria-labelledby=\"(day-activesync-endpoints-[0-9]+)\"><span class=\"tip\" id=\"\\4\">([^<]*)((?:<br>[^<]*)*)</span></span>")
                .matcher(component);
        int count = 0;
        int tabStops = 0;
        String yesterday = null;
        String today = null;
        while (days.find()) {
            count++;
            if (days.group(3).equals("0")) {
                tabStops++;
            }
            if (days.group(2).equals("2025-11-25")) {
                yesterday = days.group(1) + "|" + days.group(5) + days.group(6);
            }
            if (days.group(2).equals("2025-11-26")) {
                today = days.group(1) + "|" + days.group(5) + days.group(6) + "|" + days.group(3);
            }
        }
        assertThat(count).isEqualTo(90);
        assertThat(tabStops).as("a roving tabindex: one tab stop per bar").isEqualTo(1);
        assertThat(yesterday).isEqualTo("partial_outage|25 Nov 2025: 45.00\u00a0% uptime<br>Partial outage: 13 h 12 min"
                + "<br>Incident: ActiveSync: some users cannot connect");
        assertThat(today).isEqualTo("degraded_performance|26 Nov 2025: 98.50\u00a0% uptime<br>Degraded performance: 22 min|0");
        assertThat(component).contains("role=\"group\" aria-label=\"ActiveSync endpoints: uptime over the last 90 days.")
                .contains("<span class=\"uptime-percent\">99.43\u00a0% uptime</span>");
    }

    @Test
    void shouldSpeakFrenchToAFrenchBrowser() {
        Response response = given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").get("/");
        response.then().statusCode(200);
        assertThat(response.header("Vary")).contains("Accept-Language");
        String html = response.asString();
        assertThat(html).contains("<html lang=\"fr\">", "Incidents en cours", "Maintenances prévues",
                "Panne partielle\u00a0: ActiveSync", "Cause identifiée", "disponibilité 99,43\u00a0%",
                "25 nov. 2025 : disponibilité 45,00\u00a0%");
        assertThat(page("en")).contains("<html lang=\"en\">", "Partial outage: ActiveSync");
        assertThat(given().header("Accept-Language", "de-DE,de;q=0.9").get("/").asString()).contains("<html lang=\"en\">");
        assertThat(given().header("Accept-Language", "en;q=0.8, fr;q=0.9").get("/").asString())
                .contains("<html lang=\"fr\">");
    }

    @Test
    void shouldSendTheFrenchViewToAFrenchPageLiveStream() throws Exception {
        try (SseRecorder recorder = new SseRecorder(URI.create(events + "?lang=fr"))) {
            Eventually.within(SETTLE, () -> assertThat(recorder.events()).isNotEmpty());
            assertThat(recorder.events().get(0).data()).contains("\"lang\":\"fr\"", "Panne partielle", "Cause identifiée");
        }
    }

    @Test
    void shouldShowAnIncidentAnnouncedOnTheStreamWithoutAStatusChange() {
        String id = nextId();
        api.status(document("minor", "2025-11-26T09:05:00Z", id,
                List.of(incident("inc-9", "Intranet is slow", "investigating", "minor", "2025-11-26T09:30:00Z", null,
                        List.of(), update("investigating", "Pages take 20 s", "2025-11-26T09:30:00Z"))),
                List.of(),
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        // Only an incident event: no component changed, yet the page must follow.
        api.pushEvent("incident", id, "{\"id\":\"inc-9\",\"name\":\"Intranet is slow\"}");
        Eventually.within(SETTLE, () -> assertThat(page("en"))
                .contains("<a href=\"/incidents/inc-9\">Intranet is slow</a>")
                .contains("id=\"banner\" data-indicator=\"minor\">Active incident: Intranet is slow</p>")
                .doesNotContain("Mail server upgrade"));
    }

    private static String nextId() {
        return "1764147600000-" + SEQUENCE.incrementAndGet();
    }

    static String page(String lang) {
        return given().header("Accept-Language", lang).get("/").then().statusCode(200).extract().asString();
    }

    /** The markup of the element with this id, up to the first closing tag of its name (no nesting of that name). */
    static String element(String html, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + " [^>]*id=\"" + Pattern.quote(id) + "\".*?</" + tag + ">", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("%s#%s in page", tag, id).isTrue();
        return m.group();
    }
}
