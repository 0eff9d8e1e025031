package io.herald.web.page;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.herald.web.support.SseRecorder;
import io.herald.web.view.SseEvent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusPageTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @TestHTTPResource("/events")
    URI events;

    private FakeStatusApi api;
    private String baselineUpdatedAt;

    @BeforeEach
    void resetToAllOperational() {
        api = FakeStatusApi.shared();
        baselineUpdatedAt = Instant.parse("2025-11-26T08:00:00Z").plusSeconds(SEQUENCE.incrementAndGet()).toString();
        String id = nextId();
        api.status(document("none", baselineUpdatedAt, id,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.announceGap();
        // Until then status-web may still be starting, reconnecting after a stop, or showing a previous test.
        Eventually.within(SETTLE, () -> {
            String html = page();
            assertThat(html).contains("datetime=\"" + baselineUpdatedAt + "\"");
            assertThat(html).doesNotContain("Status may be out of date");
        });
        Eventually.within(SETTLE, () -> assertThat(api.openStreams()).isEqualTo(1));
    }

    @Test
    void shouldShowEveryServiceAndComponentWithStableMarkup() {
        Response response = given().get("/");
        response.then().statusCode(200).contentType(containsString("text/html"));
        String html = response.asString();

        assertThat(banner(html)).isEqualTo("All Systems Operational");
        assertThat(html).contains("id=\"banner\" data-indicator=\"none\"");
        assertThat(html).contains("<title>Acme &lt;Test&gt; organisation status</title>");
        assertThat(html).contains("id=\"service-email\" data-status=\"operational\"",
                "id=\"service-activesync\" data-status=\"operational\"");
        for (String id : new String[] {"smtp-submission", "imap-pop", "activesync-endpoints"}) {
            assertThat(componentMarkup(html, id)).contains("data-status=\"operational\"")
                    .contains("<span class=\"status-words\">Operational</span>")
                    .contains("/img/icons.svg#operational");
        }
        assertThat(componentMarkup(html, "imap-pop")).contains("IMAP / POP description");
        assertThat(html).containsPattern("<time id=\"last-updated\" datetime=\"" + Pattern.quote(baselineUpdatedAt)
                + "\" data-local=\"datetime\">26 Nov 2025, 09:00 CET</time>");
        assertThat(html).contains("<header", "<main", "<footer", "role=\"status\" aria-live=\"polite\"");
        assertThat(html).contains("<noscript><meta http-equiv=\"refresh\" content=\"30\"></noscript>");
    }

    @Test
    void shouldShowPushedChangeWithinASecondAndSendItToBrowsers() throws Exception {
        try (SseRecorder browser = new SseRecorder(events)) {
            assertThat(browser.response().statusCode()).isEqualTo(200);
            Eventually.within(SETTLE, () -> assertThat(browser.events()).isNotEmpty());
            SseEvent first = browser.events().get(0);
            assertThat(first.type()).isEqualTo("view");
            assertThat(first.data()).contains("\"banner\":\"All Systems Operational\"");

            String imapId = nextId();
            String id = nextId();
            api.status(document("major", "2025-11-26T10:30:00Z", id,
                    service("email", "Email", "degraded_performance",
                            component("smtp-submission", "SMTP submission", "operational", null),
                            component("imap-pop", "IMAP / POP", "degraded_performance", "slow logins")),
                    service("activesync", "ActiveSync", "partial_outage",
                            component("activesync-endpoints", "ActiveSync endpoints", "partial_outage", "503 from EAS"))));
            api.pushChange(imapId, "imap-pop", "operational", "degraded_performance", "2025-11-26T10:20:00Z",
                    "slow logins");
            api.pushChange(id, "activesync-endpoints", "operational", "partial_outage", "2025-11-26T10:30:00Z",
                    "503 from EAS");

            Eventually.within(Duration.ofSeconds(1), () -> {
                String html = page();
                assertThat(banner(html)).isEqualTo("Partial outage: ActiveSync; Degraded performance: Email");
                assertThat(html).contains("id=\"banner\" data-indicator=\"major\"");
                assertThat(componentMarkup(html, "activesync-endpoints")).contains("data-status=\"partial_outage\"")
                        .contains("Partial outage").contains("503 from EAS");
                assertThat(html).contains("id=\"service-activesync\" data-status=\"partial_outage\"");
            });
            Eventually.within(Duration.ofSeconds(1), () -> assertThat(browser.events())
                    .anySatisfy(event -> {
                        assertThat(event.type()).isEqualTo("view");
                        assertThat(event.id()).isEqualTo(id);
                        assertThat(event.data())
                                .contains("\"banner\":\"Partial outage: ActiveSync; Degraded performance: Email\"")
                                .contains("\"indicator\":\"major\"")
                                .contains("\"id\":\"activesync-endpoints\"")
                                .contains("\"status\":\"partial_outage\",\"words\":\"Partial outage\"")
                                .contains("\"updated\":{\"iso\":\"2025-11-26T10:30:00Z\"");
                    }));
        }
    }

    @Test
    void shouldSendCurrentViewFirstToANewBrowser() throws Exception {
        try (SseRecorder browser = new SseRecorder(events)) {
            assertThat(browser.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            Eventually.within(SETTLE, () -> assertThat(browser.events()).isNotEmpty());
            assertThat(browser.events().get(0).data()).contains(baselineUpdatedAt);
        }
    }

    @Test
    void shouldServeManyBrowsersFromOneUpstreamStream() throws Exception {
        try (SseRecorder one = new SseRecorder(events); SseRecorder two = new SseRecorder(events);
                SseRecorder three = new SseRecorder(events)) {
            String id = nextId();
            api.status(document("minor", "2025-11-26T10:45:00Z", id,
                    service("email", "Email", "degraded_performance",
                            component("smtp-submission", "SMTP submission", "degraded_performance", null),
                            component("imap-pop", "IMAP / POP", "operational", null)),
                    service("activesync", "ActiveSync", "operational",
                            component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
            api.pushChange(id, "smtp-submission", "operational", "degraded_performance");
            for (SseRecorder browser : new SseRecorder[] {one, two, three}) {
                Eventually.within(SETTLE, () -> assertThat(browser.events()).anySatisfy(event -> {
                    assertThat(event.id()).isEqualTo(id);
                    assertThat(event.data()).contains("\"banner\":\"Degraded performance: Email\"");
                }));
            }
            assertThat(api.openStreams()).isEqualTo(1);
        }
    }

    @Test
    void shouldKeepLastStateMarkedStaleWhileStatusApiIsDown() {
        String id = nextId();
        api.status(document("minor", "2025-11-26T11:00:00Z", id,
                service("email", "Email", "degraded_performance",
                        component("smtp-submission", "SMTP submission", "degraded_performance", "queue is slow"),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.pushChange(id, "smtp-submission", "operational", "degraded_performance", "2025-11-26T11:00:00Z",
                "queue is slow");
        Eventually.within(SETTLE, () -> assertThat(banner(page())).isEqualTo("Degraded performance: Email"));

        api.stop();
        try {
            Eventually.within(SETTLE, () -> {
                String html = page();
                assertThat(html).contains("Status may be out of date: status service unreachable since");
                assertThat(html).doesNotContainPattern("id=\"stale\"[^>]* hidden");
                assertThat(banner(html)).isEqualTo("Degraded performance: Email");
                assertThat(componentMarkup(html, "smtp-submission")).contains("data-status=\"degraded_performance\"")
                        .contains("queue is slow");
            });
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'status-view' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'status-view' }.data.stale-since", not(equalTo(null)));
        } finally {
            api.start();
        }
        Eventually.within(SETTLE, () -> assertThat(page()).doesNotContain("Status may be out of date"));
        // The reconnect resumes where the stream left off.
        Eventually.within(SETTLE, () -> assertThat(api.lastEventIdHeaders()).contains(id));
    }

    @Test
    void shouldEscapeComponentDetail() {
        String id = nextId();
        api.status(document("major", "2025-11-26T12:00:00Z", id,
                service("email", "Email", "partial_outage",
                        component("smtp-submission", "SMTP <b>submission</b>", "partial_outage",
                                "<script>alert('owned')</script>"),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        // A name only comes with the document.
        api.announceGap();

        Eventually.within(SETTLE, () -> {
            String html = page();
            assertThat(componentMarkup(html, "smtp-submission"))
                    .contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;")
                    .contains("SMTP &lt;b&gt;submission&lt;/b&gt;");
            assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>submission");
        });
    }

    @Test
    void shouldSendSecurityHeadersOnPageAndAssets() {
        for (String path : new String[] {"/", "/js/live.js", "/css/status.css", "/img/icons.svg", "/events-nope"}) {
            Response response = given().get(path);
            assertThat(response.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'").contains("script-src 'self'").contains("style-src 'self'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
        String html = page();
        assertThat(html).doesNotContain("<style").doesNotContain(" style=").doesNotContain("onclick")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)").doesNotContain("http://").doesNotContain("https://");
        given().get("/js/live.js").then().statusCode(200).body(containsString("new EventSource(\"/events?lang=\""));
        given().get("/css/status.css").then().statusCode(200).body(containsString("prefers-color-scheme: dark"));
    }

    @Test
    void shouldAnswerRevalidationWith304UntilThePageChanges() {
        Response first = given().get("/");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{27}(-gzip)?\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        Response again = given().header("If-None-Match", etag).get("/");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.asString()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
        given().header("If-None-Match", "\"something-else\"").get("/").then().statusCode(200);

        String id = nextId();
        api.status(document("minor", "2025-11-26T13:00:00Z", id,
                service("email", "Email", "degraded_performance",
                        component("smtp-submission", "SMTP submission", "degraded_performance", null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.pushChange(id, "smtp-submission", "operational", "degraded_performance");
        Eventually.within(SETTLE, () -> {
            Response changed = given().header("If-None-Match", etag).get("/");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.header("ETag")).isNotEqualTo(etag);
            assertThat(banner(changed.asString())).isEqualTo("Degraded performance: Email");
        });
    }

    @Test
    void shouldNotRenderAgainWhenNothingChanged() {
        String etag = given().get("/").header("ETag");
        int fetches = api.statusFetches();
        api.announceGap();
        Eventually.within(SETTLE, () -> assertThat(api.statusFetches()).isGreaterThan(fetches));
        given().header("If-None-Match", etag).get("/").then().statusCode(304);
    }

    @Test
    void shouldAnswerBadRequestsWithProblemJson() {
        given().get("/no-such-page").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404)).body("title", equalTo("Not found"))
                .body("type", equalTo("https://herald.io/problems/not-found")).body("detail", containsString("/"));
        given().post("/").then().statusCode(405)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(405)).body("title", equalTo("Method not allowed"));
    }

    @Test
    void shouldBeReadyOnceAViewIsLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'status-view' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'status-view' }.data.change-stream", equalTo("open"));
    }

    private static String nextId() {
        return "1764147600000-" + SEQUENCE.incrementAndGet();
    }

    private static String page() {
        return given().get("/").then().statusCode(200).extract().asString();
    }

    private static String banner(String html) {
        Matcher m = Pattern.compile("<p class=\"banner\" id=\"banner\" data-indicator=\"[a-z]+\">([^<]*)</p>").matcher(html);
        assertThat(m.find()).as("banner element in %s", html).isTrue();
        return m.group(1);
    }

    /** The markup of one component, from its opening tag to its closing tag (components do not nest). */
    private static String componentMarkup(String html, String id) {
        Matcher m = Pattern.compile("<li class=\"component\" id=\"component-" + Pattern.quote(id) + "\".*?</li>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("component %s in page", id).isTrue();
        return m.group();
    }
}
