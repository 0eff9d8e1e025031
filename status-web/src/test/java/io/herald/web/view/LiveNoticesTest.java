package io.herald.web.view;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.incident;
import static io.herald.web.support.StatusDocs.service;
import static io.herald.web.support.StatusDocs.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.model.HeraldJson;
import io.herald.web.support.FakeStatusApi;
import io.herald.web.support.StatusDocs;
import io.herald.web.support.SseRecorder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * status-web applies each live notice to the document it holds and reads status-api again only when it must: the
 * GETs it makes are counted. The safety re-read is an hour away here, so every read seen has a reason.
 */
@QuarkusTest
@TestProfile(LiveNoticesTest.NoSafetyReadDuringTheTest.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveNoticesTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Duration SETTLE = Duration.ofSeconds(10);
    /** Long enough for a read that was asked for to arrive. */
    private static final Duration QUIET = Duration.ofMillis(700);

    public static class NoSafetyReadDuringTheTest implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.web.api-url", "http://127.0.0.1:" + FakeStatusApi.portFor("live-notices"),
                    "herald.web.refresh-interval", "1h");
        }
    }

    @TestHTTPResource("/events")
    URI events;

    private FakeStatusApi api;
    private String baselineId;

    @BeforeAll
    void startStatusApi() {
        api = FakeStatusApi.startOn(FakeStatusApi.portFor("live-notices"));
    }

    @AfterAll
    void stopStatusApi() {
        api.stop();
    }

    /** Every component operational, the page last updated at 08:00: read after a gap, so whatever came before. */
    @BeforeEach
    void allOperational() {
        baselineId = nextId();
        api.status(baseline(baselineId));
        await().atMost(SETTLE).until(() -> api.openStreams() == 1);
        api.announceGap();
        await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                .contains("datetime=\"2025-11-26T08:00:00Z\"").contains("All Systems Operational")
                .doesNotContain("Status may be out of date"));
    }

    @Test
    void shouldApplyAChangeWithoutAnyGetAndSendItToBrowsers() throws Exception {
        try (SseRecorder browser = new SseRecorder(events)) {
            await().atMost(SETTLE).until(() -> !browser.events().isEmpty());
            int gets = api.gets();
            String id = nextId();
            // status-api's document is left as it was: only the notice can bring this change.
            api.pushChange(id, "activesync-endpoints", "operational", "partial_outage", "2025-11-26T10:30:00Z",
                    "503 from EAS");

            await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                    .contains("id=\"banner\" data-indicator=\"major\">Partial outage: ActiveSync</p>")
                    .contains("id=\"component-activesync-endpoints\" data-status=\"partial_outage\"")
                    .contains("503 from EAS")
                    .contains("datetime=\"2025-11-26T10:30:00Z\""));
            await().atMost(SETTLE).untilAsserted(() -> assertThat(browser.events()).last().satisfies(event -> {
                assertThat(event.type()).isEqualTo("view");
                assertThat(event.id()).isEqualTo(id);
                assertThat(event.data()).contains("\"indicator\":\"major\"",
                        "\"banner\":\"Partial outage: ActiveSync\"", "\"lastEventId\":\"" + id + "\"",
                        "\"status\":\"partial_outage\",\"words\":\"Partial outage\"",
                        "\"detail\":\"503 from EAS\"", "\"updated\":{\"iso\":\"2025-11-26T10:30:00Z\"");
            }));
            await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.gets() == gets);
        }
    }

    @Test
    void shouldIgnoreAChangeTheDocumentAlreadyHolds() {
        String etag = given().get("/").header("ETag");
        int gets = api.gets();
        api.pushChange(baselineId, "smtp-submission", "operational", "major_outage");

        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.gets() == gets);
        given().header("If-None-Match", etag).get("/").then().statusCode(304);
    }

    @Test
    void shouldReadAgainOnceWhenAChangeDoesNotFollowWhatThePageShows() {
        int reads = api.statusFetches();
        String id = nextId();
        api.status(document("minor", "2025-11-26T10:00:00Z", id,
                service("email", "Email", "degraded_performance",
                        component("smtp-submission", "SMTP submission", "degraded_performance", "slow"),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        // From degraded while the page shows operational: the change to degraded was missed.
        api.pushChange(id, "smtp-submission", "degraded_performance", "partial_outage");

        await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                .contains("id=\"component-smtp-submission\" data-status=\"degraded_performance\"")
                .contains("datetime=\"2025-11-26T10:00:00Z\""));
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.statusFetches() == reads + 1);
    }

    @Test
    void shouldReadAgainOnceAfterAGapBeforeAnIncidentEvent() {
        int reads = api.statusFetches();
        api.announceGap();
        await().atMost(SETTLE).until(() -> api.statusFetches() == reads + 1);
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.statusFetches() == reads + 1);
    }

    @Test
    void shouldReadAgainOnceForAComponentThePageDoesNotHave() {
        int reads = api.statusFetches();
        String id = nextId();
        api.status(document("major", "2025-11-26T11:00:00Z", id,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null)),
                service("network", "Network", "partial_outage",
                        component("vpn", "VPN", "partial_outage", "tunnels drop"))));
        api.pushChange(id, "vpn", null, "partial_outage");

        await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                .contains("id=\"component-vpn\" data-status=\"partial_outage\"").contains("tunnels drop"));
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.statusFetches() == reads + 1);
    }

    @Test
    void shouldApplyAWholeIncidentFromItsEventWithoutAnyGet() {
        int gets = api.gets();
        Map<String, Object> incident = incident("41", "Mail is delayed", "investigating", "minor",
                "2025-11-26T09:30:00Z", null, List.of(affected("smtp-submission", "SMTP submission", "operational")),
                update("investigating", "Messages wait up to 10 minutes", "2025-11-26T09:30:00Z"));
        api.pushEvent("incident", "inc-41-1." + baselineId, HeraldJson.write(incident));

        await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                .contains("<a href=\"/incidents/41\">Mail is delayed</a>")
                .contains("id=\"banner\" data-indicator=\"minor\">Active incident: Mail is delayed</p>")
                .contains("Messages wait up to 10 minutes"));

        incident.put("status", "resolved");
        incident.put("resolved_at", "2025-11-26T09:50:00Z");
        incident.put("updated_at", "2025-11-26T09:50:00Z");
        api.pushEvent("incident", "inc-41-2." + baselineId, HeraldJson.write(incident));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(page()).doesNotContain("Mail is delayed")
                .contains("id=\"banner\" data-indicator=\"none\">All Systems Operational</p>")
                .contains("datetime=\"2025-11-26T09:50:00Z\""));
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.gets() == gets);
    }

    @Test
    void shouldResumeADroppedStreamWithoutReading() {
        int gets = api.gets();
        int opened = api.lastEventIdHeaders().size();
        api.dropStreams();
        await().atMost(SETTLE).until(() -> api.openStreams() == 1);
        assertThat(api.lastEventIdHeaders().subList(opened, api.lastEventIdHeaders().size()))
                .as("resumed after the last event seen").isNotEmpty().doesNotContain("null");

        String id = nextId();
        api.pushChange(id, "imap-pop", "operational", "degraded_performance", "2025-11-26T09:00:00Z", "slow logins");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                .contains("id=\"component-imap-pop\" data-status=\"degraded_performance\""));
        await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.gets() == gets);
    }

    @Test
    void shouldKeepTheLastViewMarkedStaleWhenStatusApiSendsAStatusItDoesNotKnow() {
        api.status(document("major", "2025-11-26T12:00:00Z", nextId(),
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "on_fire", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.announceGap();

        await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                .contains("Status may be out of date: status service unreachable since")
                .contains("id=\"component-imap-pop\" data-status=\"operational\"")
                .contains("datetime=\"2025-11-26T08:00:00Z\""));

        api.status(baseline(nextId()));
        api.announceGap();
        await().atMost(SETTLE).untilAsserted(() -> assertThat(page()).doesNotContain("Status may be out of date"));
    }

    @Test
    void shouldShowAStaleComponentBesideItsStatusAndThePausedNoticeWhereTheLastKnownStateIsSaid() throws Exception {
        String silent = "no recent data from activesync-monitor since 09:12 UTC";
        api.status(StatusDocs.paused(document("major", "2025-11-26T09:00:00Z", nextId(),
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "major_outage", StatusDocs.stale(
                        component("activesync-endpoints", "ActiveSync endpoints", "major_outage", "down"), silent))),
                "2025-11-26T12:02:00Z", "Live updates are paused since 12:02 UTC; this is the last known state"));
        api.announceGap();

        await().atMost(SETTLE).untilAsserted(() -> assertThat(page()).contains("<p class=\"stale\" id=\"stale\">"
                + "Live updates are paused since 26 Nov 2025, 13:02 CET; this is the last known state.</p>"));
        String html = page();
        assertThat(html.split("id=\"stale\"", -1)).as("one notice of the last known state").hasSize(2);
        String eas = html.substring(html.indexOf("id=\"component-activesync-endpoints\""));
        assertThat(eas.substring(0, eas.indexOf("</li>")))
                .contains("<span class=\"status-words\">Major outage</span></p>\n            </div>"
                        + "<p class=\"stale-words\">Last known status: " + silent + "</p>");
        assertThat(html.split("class=\"stale-words\"", -1)).as("only the stale component").hasSize(2);
        assertThat(given().queryParam("lang", "fr").get("/").then().statusCode(200).extract().asString())
                .contains("<p class=\"stale-words\">Dernier état connu\u00a0: " + silent + "</p>",
                        "Les mises à jour en direct sont suspendues depuis le 26 nov. 2025, 13:02 CET");
        try (SseRecorder browser = new SseRecorder(events)) {
            await().atMost(SETTLE).until(() -> !browser.events().isEmpty());
            assertThat(browser.events().get(0).data()).contains("\"livePaused\":true",
                    "\"staleNotice\":\"Live updates are paused since 26 Nov 2025, 13:02 CET",
                    "\"words\":\"Major outage\",\"since\":",
                    "\"stale\":true,\"staleWords\":\"Last known status: " + silent + "\"")
                    .containsOnlyOnce("\"stale\":true");
        }
        assertThat(given().get("/badges/components/activesync-endpoints.svg").then().statusCode(200).extract()
                .asString()).contains("aria-label=\"ActiveSync endpoints: Major outage (stale)\"");
        assertThat(given().get("/badges/components/imap-pop.svg").asString()).contains(": Operational\"");
        assertThat(given().get("/components/activesync-endpoints").then().statusCode(200).extract().asString())
                .contains("<p class=\"stale-words\">Last known status: " + silent + "</p>");
    }

    /** A refresh only says a status went stale or fresh: the words beside it change, nothing else, and no GET. */
    @Test
    void shouldApplyARefreshToTheStaleWordsOnlyWithoutAnyGet() throws Exception {
        assertThat(page()).as("a fresh page carries no stale markup").doesNotContain("stale-words");
        try (SseRecorder browser = new SseRecorder(events)) {
            await().atMost(SETTLE).until(() -> !browser.events().isEmpty());
            int gets = api.gets();
            api.pushChange(nextId(), "imap-pop", "operational", "partial_outage", "2025-11-26T10:30:00Z",
                    "logins fail");
            await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                    .contains("id=\"component-imap-pop\" data-status=\"partial_outage\"")
                    .contains("datetime=\"2025-11-26T10:30:00Z\""));
            String changed = page();
            int viewsBefore = browser.events().size();

            String silent = "no recent data from imap-monitor since 10:40 UTC";
            String refresh = nextId();
            api.pushChange(refresh, "imap-pop", "partial_outage", "partial_outage", "2025-11-26T11:00:00Z", true,
                    silent);
            await().atMost(SETTLE).untilAsserted(() -> assertThat(page())
                    .contains("<p class=\"stale-words\">Last known status: " + silent + "</p>"));
            String stale = page();
            assertThat(stale.replace("<p class=\"stale-words\">Last known status: " + silent + "</p>", ""))
                    .as("nothing but the words: not the banner, the status, since or last updated")
                    .isEqualTo(changed);
            await().atMost(SETTLE).untilAsserted(() -> assertThat(browser.events()).last().satisfies(event -> {
                assertThat(event.id()).isEqualTo(refresh);
                assertThat(event.data()).contains("\"banner\":\"Partial outage: Email\"",
                        "\"staleWords\":\"Last known status: " + silent + "\"",
                        "\"updated\":{\"iso\":\"2025-11-26T10:30:00Z\"");
            }));
            assertThat(browser.events()).as("one view for the refresh").hasSize(viewsBefore + 1);

            api.pushChange(nextId(), "imap-pop", "partial_outage", "partial_outage", "2025-11-26T11:05:00Z", false,
                    "");
            await().atMost(SETTLE).untilAsserted(() -> assertThat(page()).doesNotContain("stale-words")
                    .contains("id=\"component-imap-pop\" data-status=\"partial_outage\"")
                    .contains("datetime=\"2025-11-26T10:30:00Z\""));
            await().during(QUIET).atMost(QUIET.multipliedBy(2)).until(() -> api.gets() == gets);
        }
    }

    private static String baseline(String id) {
        return document("none", "2025-11-26T08:00:00Z", id,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null)));
    }

    private static String nextId() {
        return "1764147600000-" + SEQUENCE.incrementAndGet();
    }

    private static String page() {
        return given().get("/").then().statusCode(200).extract().asString();
    }
}
