package io.herald.api.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.SseClient;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamResourceTest extends IsolatedTest {
    private static final Duration WAIT = Duration.ofSeconds(3);

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @Test
    void shouldSendEveryChangeAsAnEventWithItsStreamId() throws Exception {
        try (SseClient client = SseClient.open(stream, null)) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Content-Type")).startsWith("text/event-stream");
            client.commentsWithin(Duration.ofMillis(300));

            String id = evaluator.change("smtp", ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE,
                    "smtp-monitor", "slow answers");

            SseClient.Event event = client.next(WAIT);
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.name()).isEqualTo("change");
            LiveNotice notice = HeraldJson.read(event.data(), LiveNotice.class);
            assertThat(notice.id()).isEqualTo(id);
            assertThat(notice.change().component()).isEqualTo("smtp");
            assertThat(notice.change().from()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(notice.change().to()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
            assertThat(notice.change().detail()).isEqualTo("slow answers");
        }
    }

    @Test
    void shouldSendAnIncidentEventWhenAnOutageOpensOne() throws Exception {
        try (SseClient client = SseClient.open(stream, null)) {
            client.commentsWithin(Duration.ofMillis(300));

            evaluator.change("webmail", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE, "webmail-monitor",
                    "HTTP 503");

            assertThat(client.next(WAIT).name()).isEqualTo("change");
            SseClient.Event incident = webmailIncident(client, Duration.ofSeconds(8));
            assertThat(incident.name()).isEqualTo("incident");
            assertThat(incident.id()).as("the incident event names the last change sent before it")
                    .matches("inc-\\d+-1\\.\\d+-\\d+");
            assertThat(incident.data()).contains("\"name\":\"Webmail is unavailable\"")
                    .contains("\"automatic\":true");

            // A browser resumes with the last id it saw, here an incident's, also in the older form: no error.
            try (SseClient resumed = SseClient.open(stream, incident.id())) {
                assertThat(resumed.status()).isEqualTo(200);
            }
            try (SseClient resumed = SseClient.open(stream, incident.id().substring(0, incident.id().indexOf('.')))) {
                assertThat(resumed.status()).isEqualTo(200);
            }
        }
        evaluator.change("webmail", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
    }

    @Test
    void shouldReplayWhatCameAfterLastEventIdThenGoLive() throws Exception {
        String first = evaluator.change("intranet", null, ComponentStatus.MAJOR_OUTAGE, "intranet-monitor", "down");
        String second = evaluator.change("intranet", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE,
                "intranet-monitor", "half down");
        String third = evaluator.change("intranet", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL,
                "", "");

        try (SseClient client = SseClient.open(stream, first)) {
            assertThat(client.next(WAIT).id()).isEqualTo(second);
            assertThat(client.next(WAIT).id()).isEqualTo(third);

            String fourth = evaluator.change("intranet", ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE,
                    "intranet-monitor", "slow");

            SseClient.Event live = client.next(WAIT);
            assertThat(live.id()).isEqualTo(fourth);
            assertThat(HeraldJson.read(live.data(), LiveNotice.class).change().to())
                    .isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
            assertThat(client.poll(Duration.ofMillis(300))).as("no duplicate after the live event").isNull();
        }
    }

    @Test
    void shouldReplayTheIncidentsOpenedWhileAwayAndResumeFromAnIncidentEvent() throws Exception {
        String seen = evaluator.change("smtp", ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE,
                "smtp-monitor", "slow answers");
        // Away: webmail goes down and status-api opens an automatic incident for it.
        String missed = evaluator.change("webmail", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE,
                "webmail-monitor", "HTTP 503");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(8)).until(() -> given()
                .get("/api/v2/incidents/unresolved.json").then().extract().jsonPath().getList("incidents.name")
                .contains("Webmail is unavailable"));

        SseClient.Event incident;
        try (SseClient client = SseClient.open(stream, seen)) {
            assertThat(client.next(WAIT).id()).as("the change missed").isEqualTo(missed);
            incident = webmailIncident(client, WAIT);
            assertThat(incident).as("the incident opened while away").isNotNull();
            assertThat(incident.name()).isEqualTo("incident");
            assertThat(incident.data()).contains("\"name\":\"Webmail is unavailable\"");
            assertThat(incident.id()).endsWith("." + missed);
        }

        // Resuming from the incident event: the change before it is not sent again; changes after it are.
        String after = evaluator.change("smtp", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL,
                "", "");
        try (SseClient client = SseClient.open(stream, incident.id())) {
            assertThat(client.next(WAIT).id()).isEqualTo(after);
            assertThat(client.poll(Duration.ofMillis(300))).as("nothing older than the resume point").isNull();
            assertThat(webmailIncident(client, WAIT)).as("an incident seen may come again, whole").isNotNull();
        }
        evaluator.change("webmail", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
    }

    /**
     * The next event about an open webmail incident, or null; the other tests of this class leave incidents of their
     * own (and resolve them), which a replay rightly sends too.
     */
    private static SseClient.Event webmailIncident(SseClient client, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            SseClient.Event event;
            try {
                event = client.nextPageEvent(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            } catch (AssertionError timedOut) {
                return null;
            }
            if (event.data().contains("\"name\":\"Webmail is unavailable\"")
                    && event.data().contains("\"resolved_at\":null")) {
                return event;
            }
        }
        return null;
    }

    @Test
    void shouldAcceptTheLastEventIdAsQueryParameter() throws Exception {
        String first = evaluator.change("smtp", null, ComponentStatus.PARTIAL_OUTAGE, "smtp-monitor", "x");
        String second = evaluator.change("smtp", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL, "", "");

        try (SseClient client = SseClient.open(URI.create(stream + "?last_event_id=" + first), null)) {
            assertThat(client.next(WAIT).id()).isEqualTo(second);
        }
    }

    @Test
    void shouldSendHeartbeatComments() throws Exception {
        try (SseClient client = SseClient.open(stream, null)) {
            // The test profile sends a heartbeat every second.
            assertThat(client.commentsWithin(Duration.ofMillis(2500))).contains("heartbeat");
        }
    }

    @Test
    void shouldRejectALastEventIdThatIsNotAStreamId() {
        given().header("Last-Event-ID", "yesterday").get("/api/v1/stream").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad last event id"))
                .body("detail", containsString("'yesterday'"))
                .body("type", containsString("bad-last-event-id"));
    }
}
