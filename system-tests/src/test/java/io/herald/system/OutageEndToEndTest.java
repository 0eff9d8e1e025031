package io.herald.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The foundation's promise, checked on the packaged services running as processes: a monitor reports a failure
 * through the webhook, and the outage shows in summary.json, in the SSE stream and on the HTML page; then it recovers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIVE = Duration.ofSeconds(5);
    private static HeraldStack stack;
    private static final BlockingQueue<String> apiStream = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> webStream = new LinkedBlockingQueue<>();

    @BeforeAll
    static void startStack() throws Exception {
        stack = new HeraldStack().start();
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldShowEveryComponentEvaluatedAndOperationalOnAFreshStack() throws Exception {
        JsonNode status = await("all components evaluated and operational", Duration.ofSeconds(45),
                () -> json(stack.api() + "/api/v1/status"),
                s -> s.path("services").findValues("evaluated").stream().allMatch(JsonNode::asBoolean)
                        && s.path("status").path("indicator").asText().equals("none"));
        assertThat(status.path("services").findValuesAsText("name")).contains("Email", "ActiveSync", "Web");

        JsonNode summary = json(stack.api() + "/api/v2/summary.json");
        assertThat(summary.path("status").path("description").asText()).isEqualTo("All Systems Operational");
        assertThat(summary.path("page").path("name").asText()).isEqualTo("Herald end-to-end");
        assertThat(bannerText(html())).contains("All Systems Operational");

        openStream(stack.api() + "/api/v1/stream", apiStream);
        openStream(stack.web() + "/events", webStream);
    }

    @Test
    @Order(2)
    void shouldRefuseAWebhookWithAWrongToken() {
        given().header("Authorization", "Bearer not-the-token").contentType("application/json")
                .body("{\"check\":\"activesync-monitor\",\"status\":\"down\"}")
                .post(stack.ingest() + "/ingest/e2e")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void shouldShowAFailingMonitorAsAPartialOutageEverywhereWithinSeconds() throws Exception {
        long posted = System.nanoTime();
        postSignal("activesync-monitor", "down", "ActiveSync OPTIONS fails on 2 of 5 mailbox endpoints", "outage-1");

        JsonNode summary = await("activesync-endpoints in partial_outage in summary.json", LIVE,
                () -> json(stack.api() + "/api/v2/summary.json"),
                s -> componentStatus(s, "activesync-endpoints").equals("partial_outage"));
        long detectedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted);
        System.out.printf("e2e: webhook to summary.json in %d ms%n", detectedMs);
        assertThat(componentStatus(summary, "activesync")).as("the ActiveSync group").isEqualTo("partial_outage");
        assertThat(summary.path("status").path("indicator").asText()).isEqualTo("major");
        assertThat(summary.path("status").path("description").asText()).isEqualTo("Partial System Outage");

        assertThat(nextMatching(apiStream, "activesync-endpoints", "partial_outage"))
                .as("status-api SSE stream").isNotNull();
        assertThat(nextMatching(webStream, "activesync-endpoints", "partial_outage"))
                .as("status-web browser stream").isNotNull();

        String page = await("the HTML page shows the outage", LIVE, OutageEndToEndTest::html,
                h -> "partial_outage".equals(dataStatus(h, "component-activesync-endpoints")));
        assertThat(dataStatus(page, "service-activesync")).isEqualTo("partial_outage");
        assertThat(bannerText(page)).contains("Partial outage: ActiveSync");
        assertThat(page).contains("Partial outage");
    }

    @Test
    @Order(4)
    void shouldAcknowledgeADuplicateDeliveryWithoutApplyingItTwice() throws Exception {
        JsonNode answer = JSON.readTree(postSignal("activesync-monitor", "down",
                "ActiveSync OPTIONS fails on 2 of 5 mailbox endpoints", "outage-1"));
        assertThat(answer.path("duplicate").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void shouldRecoverEverywhereWhenTheMonitorReportsUp() throws Exception {
        postSignal("activesync-monitor", "up", "ActiveSync answers on all mailbox endpoints", "recovery-1");

        JsonNode summary = await("all operational again in summary.json", LIVE,
                () -> json(stack.api() + "/api/v2/summary.json"),
                s -> s.path("status").path("indicator").asText().equals("none"));
        assertThat(componentStatus(summary, "activesync-endpoints")).isEqualTo("operational");
        assertThat(nextMatching(apiStream, "activesync-endpoints", "\"to\":\"operational\"")).isNotNull();
        String page = await("the HTML page shows the recovery", LIVE, OutageEndToEndTest::html,
                h -> bannerText(h).contains("All Systems Operational"));
        assertThat(dataStatus(page, "component-activesync-endpoints")).isEqualTo("operational");
    }

    @Test
    @Order(6)
    void shouldKeepTheOutageAndTheRecoveryInTheHistory() throws Exception {
        JsonNode history = await("both changes stored in PostgreSQL", Duration.ofSeconds(10),
                () -> json(stack.api() + "/api/v1/components/activesync-endpoints/history?limit=10"),
                h -> h.toString().contains("partial_outage") && h.toString().contains("\"operational\""));
        assertThat(history.toString()).contains("activesync-monitor");
    }

    private static String postSignal(String check, String status, String detail, String id) {
        return given().header("Authorization", "Bearer " + HeraldStack.TOKEN).contentType("application/json")
                .body("{\"check\":\"" + check + "\",\"status\":\"" + status + "\",\"detail\":\"" + detail
                        + "\",\"id\":\"" + id + "\"}")
                .post(stack.ingest() + "/ingest/e2e")
                .then().statusCode(202).extract().asString();
    }

    private static JsonNode json(String url) throws Exception {
        return JSON.readTree(given().get(url).then().statusCode(200).extract().asString());
    }

    private static String html() {
        return given().get(stack.web() + "/").then().statusCode(200).extract().asString();
    }

    private static String componentStatus(JsonNode summary, String id) {
        for (JsonNode component : summary.path("components")) {
            if (component.path("id").asText().equals(id)) {
                return component.path("status").asText();
            }
        }
        return "absent";
    }

    /** The data-status attribute of the element with this id, or null. */
    static String dataStatus(String html, String elementId) {
        Matcher tag = Pattern.compile("<[^>]*\\bid=\"" + Pattern.quote(elementId) + "\"[^>]*>").matcher(html);
        if (!tag.find()) {
            return null;
        }
        Matcher status = Pattern.compile("data-status=\"([^\"]*)\"").matcher(tag.group());
        return status.find() ? status.group(1) : null;
    }

    /** The visible text of the banner element. */
    static String bannerText(String html) {
        Matcher tag = Pattern.compile("<([a-z0-9]+)[^>]*\\bid=\"banner\"[^>]*>").matcher(html);
        if (!tag.find()) {
            return "";
        }
        int end = html.indexOf("</" + tag.group(1) + ">", tag.end());
        String inner = html.substring(tag.end(), end < 0 ? html.length() : end);
        return inner.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
    }

    private static void openStream(String url, BlockingQueue<String> lines) {
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
    }

    private static String nextMatching(BlockingQueue<String> lines, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + LIVE.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && List.of(parts).stream().allMatch(line::contains)) {
                return line;
            }
        }
        return null;
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(String what, Duration timeout, Probe<T> probe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
                last.set(probe.get());
                return last.get();
            }, done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                    + "; last seen: " + last.get());
        }
    }
}
