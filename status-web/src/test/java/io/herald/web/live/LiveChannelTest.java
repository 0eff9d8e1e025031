package io.herald.web.live;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.herald.web.support.SseRecorder;
import io.herald.web.view.SseEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The browsers' live channel: one frame encoded per change and language, the same bytes to every browser. */
@QuarkusTest
class LiveChannelTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(30000);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TestHTTPResource("/events")
    URI events;

    @Test
    void shouldSendEveryBrowserTheLatestViewInOrderWithoutRepeats() throws Exception {
        FakeStatusApi api = FakeStatusApi.shared();
        String first = push(api, "degraded_performance");
        try (SseRecorder probe = new SseRecorder(events)) {
            Eventually.within(SETTLE, () -> assertThat(probe.events()).last()
                    .satisfies(event -> assertThat(event.id()).isEqualTo(first)));
        }
        List<SseRecorder> browsers = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                browsers.add(new SseRecorder(URI.create(events + (i % 3 == 0 ? "?lang=fr" : ""))));
            }
            List<String> sent = new ArrayList<>(List.of(first));
            // each change is pushed once the previous one reached a browser, so there is a sequence to keep in order
            SseRecorder watched = browsers.get(1);
            for (String status : new String[] {"partial_outage", "major_outage", "operational"}) {
                String pushed = push(api, status);
                sent.add(pushed);
                Eventually.within(SETTLE, () -> assertThat(watched.events()).last()
                        .satisfies(event -> assertThat(event.id()).isEqualTo(pushed)));
            }
            assertThat(watched.events()).extracting(SseEvent::id).as("the watched browser saw every change")
                    .containsExactlyElementsOf(sent);
            String last = sent.get(sent.size() - 1);
            for (int i = 0; i < browsers.size(); i++) {
                SseRecorder browser = browsers.get(i);
                Eventually.within(SETTLE, () -> assertThat(browser.events()).last()
                        .satisfies(event -> assertThat(event.id()).isEqualTo(last)));
                List<String> ids = browser.events().stream().map(SseEvent::id).toList();
                assertThat(ids.get(0)).as("the view at connect").isEqualTo(first);
                assertThat(ids).as("changes may be skipped under load, never repeated nor out of order")
                        .doesNotHaveDuplicates().isSubsetOf(sent).isSortedAccordingTo(
                                (a, b) -> Integer.compare(sent.indexOf(a), sent.indexOf(b)));
                String expectedLang = i % 3 == 0 ? "\"lang\":\"fr\"" : "\"lang\":\"en\"";
                assertThat(browser.events()).allSatisfy(event -> {
                    assertThat(event.type()).isEqualTo("view");
                    assertThat(event.data()).contains(expectedLang);
                });
            }
            // One encoding per change and language: every English browser got the very same bytes.
            assertThat(browsers.get(1).events()).last().isEqualTo(browsers.get(2).events().get(
                    browsers.get(2).events().size() - 1));
        } finally {
            for (SseRecorder browser : browsers) {
                browser.close();
            }
        }
    }

    @Test
    void shouldAnswerWithAnEventStreamThatNoCacheKeeps() throws Exception {
        try (SseRecorder browser = new SseRecorder(events)) {
            HttpHeaders headers = browser.response().headers();
            assertThat(browser.response().statusCode()).isEqualTo(200);
            assertThat(headers.firstValue("Content-Type")).hasValue("text/event-stream");
            assertThat(headers.firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("default-src 'self'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void shouldRefuseOtherMethodsWithAProblem() {
        given().post("/events").then().statusCode(405)
                .header("Allow", "GET")
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(405)).body("title", equalTo("Method not allowed"));
    }

    private static String push(FakeStatusApi api, String email) {
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document(email.equals("operational") ? "none" : "major",
                "2025-11-28T10:00:" + String.format("%02d", SEQUENCE.get() % 60) + "Z", id,
                service("email", "Email", email,
                        component("smtp-submission", "SMTP submission", email, null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.pushChange(id, "smtp-submission", null, email);
        return id;
    }
}
