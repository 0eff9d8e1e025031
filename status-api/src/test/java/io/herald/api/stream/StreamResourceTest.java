package io.herald.api.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.api.support.IsolatedTest;
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
            SseClient.Event incident = client.nextPageEvent(Duration.ofSeconds(8));
            assertThat(incident.name()).isEqualTo("incident");
            assertThat(incident.id()).matches("inc-\\d+-1");
            assertThat(incident.data()).contains("\"name\":\"Webmail is unavailable\"")
                    .contains("\"automatic\":true");

            // A browser resumes with the last id it saw, here an incident's: live events, no error.
            try (SseClient resumed = SseClient.open(stream, incident.id())) {
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
