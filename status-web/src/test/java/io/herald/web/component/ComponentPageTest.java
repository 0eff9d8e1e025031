package io.herald.web.component;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.herald.model.HeraldJson;
import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ComponentPageTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(9000);

    @BeforeEach
    void aComponentWithUptimeHistoryAndLatency() {
        FakeStatusApi api = FakeStatusApi.shared();
        api.serve("/api/v1/components/smtp-submission/uptime", HeraldJson.write(Map.of("component", "smtp-submission",
                "window", "30d", "uptime_percent", 99.123, "seconds", Map.of("operational", 100))));
        api.serve("/api/v1/components/smtp-submission/history", HeraldJson.write(Map.of("component", "smtp-submission",
                "changes", List.of(Map.of("id", "1-0", "from", "operational", "to", "partial_outage",
                        "at", "2025-11-26T08:00:00Z", "detail", "<i>2 of 5</i> fail")))));
        List<Map<String, Object>> points = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 24; i++) {
            points.add(Map.of("at", now.minusSeconds(3600L * (23 - i)).toString(), "p50", 100 + i, "p95", 300 + 10 * i,
                    "p99", 900, "count", 120));
        }
        api.serve("/api/v1/checks/smtp-http/latency", HeraldJson.write(Map.of("check", "smtp-http",
                "component", "smtp-submission", "window", "24h", "resolution", "hour", "points", points)));
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document("minor", "2025-11-26T08:00:00Z", id,
                service("email", "Email", "degraded_performance",
                        component("smtp-submission", "SMTP submission", "degraded_performance", "slow answers"),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").asString())
                .contains("id=\"component-smtp-submission\" data-status=\"degraded_performance\""));
    }

    @Test
    void shouldDrawTheResponseTimeChartOnTheServer() {
        String html = given().get("/components/smtp-submission").then().statusCode(200).extract().asString();
        assertThat(html).contains("<h1>SMTP submission</h1>", "<span class=\"status-words\">Degraded performance</span>",
                "<svg class=\"chart\" viewBox=\"0 0 720 240\" role=\"img\"", "<polyline class=\"p50\" points=\"",
                "<polyline class=\"p95\" points=\"", "SMTP front page", "24 samples; median p50 112 ms, highest p95 530 ms",
                "<li data-window=\"30d\"><span class=\"window\">30d</span> <span class=\"figure\">99.12\u00a0%</span></li>",
                "&lt;i&gt;2 of 5&lt;/i&gt; fail", "<td>Operational</td><td>Partial outage</td>");
        assertThat(html).doesNotContain("<script>").doesNotContain(" style=");
    }

    @Test
    void shouldAnswerBadRequestForAChartWindowItDoesNotDraw() {
        for (String window : List.of("1y", "24H", "-7d", "99999999999d")) {
            String html = given().accept("text/html").header("Accept-Language", "en")
                    .get("/components/smtp-submission?window=" + window).then().statusCode(400)
                    .contentType("text/html;charset=UTF-8").extract().asString();
            assertThat(html).contains("<h1>Not a chart window</h1>", "24h, 7d, 30d or 90d");
            given().accept("application/problem+json").get("/components/smtp-submission?window=" + window).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://herald.io/problems/bad-window")).body("field", equalTo("window"));
        }
        given().get("/components/smtp-submission?window=7d").then().statusCode(200);
    }

    @Test
    void shouldAnswer404ForAComponentNotInTheCatalog() {
        given().get("/components/nope").then().statusCode(404);
    }
}
