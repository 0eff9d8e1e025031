package io.herald.web.page;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No page of status-web can be framed by another site (clickjacking an operator's form, or a status page dressed up
 * as something else): X-Frame-Options DENY and CSP frame-ancestors 'none', error answers included. The widget is the
 * one exception: it is made to be framed, so it says frame-ancestors * and no X-Frame-Options.
 */
@QuarkusTest
class FramingTest {
    private static final List<String> NOT_FRAMED = List.of("/", "/?lang=fr", "/incidents/41", "/incidents/nope",
            "/maintenance/7", "/history", "/history/2025-11", "/history/2025-13", "/components/smtp-submission",
            "/admin/login", "/admin", "/admin/subscribers", "/feeds/incidents.atom", "/feeds/maintenance.rss",
            "/badges/status.svg", "/maintenance.ics", "/no/such/page", "/embed/", "/embed/x", "/embedded",
            "/css/site.css", "/q/openapi");
    private static final List<String> FRAMED = List.of("/embed", "/embed?lang=fr");

    @BeforeEach
    void aStatus() {
        FakeStatusApi api = FakeStatusApi.shared();
        api.status(document("none", "2025-11-26T21:00:00Z", "1764147600000-" + System.nanoTime() % 1_000_000,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/embed").statusCode()).isEqualTo(200));
    }

    @Test
    void shouldRefuseToBeFramedEverywhereButTheWidget() {
        List<String> wrong = new ArrayList<>();
        for (String path : NOT_FRAMED) {
            Response answer = given().redirects().follow(false).urlEncodingEnabled(false).get(path);
            String csp = answer.header("Content-Security-Policy");
            if (!"DENY".equals(answer.header("X-Frame-Options")) || csp == null
                    || !csp.contains("frame-ancestors 'none'")) {
                wrong.add(path + " (" + answer.statusCode() + "): X-Frame-Options=" + answer.header("X-Frame-Options")
                        + " CSP=" + csp);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldLetOtherSitesFrameTheWidget() {
        for (String path : FRAMED) {
            Response answer = given().get(path);
            answer.then().statusCode(200);
            assertThat(answer.header("X-Frame-Options")).as(path).isNull();
            assertThat(answer.header("Content-Security-Policy")).as(path).contains("frame-ancestors *")
                    .contains("script-src 'self'").doesNotContain("'unsafe-inline'");
        }
    }

    @Test
    void shouldKeepTheOtherDirectivesOfThePolicy() {
        assertThat(given().get("/").header("Content-Security-Policy")).contains("default-src 'self'",
                "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'")
                .doesNotContain("'unsafe-inline'");
    }
}
