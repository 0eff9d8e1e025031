package io.herald.web.page;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every public page's path and query parts, given odd values: a 4xx in words at worst, never a 500. */
@QuarkusTest
class OddAddressesTest {
    /** Written as they go on the wire (already percent-encoded where they must be). */
    private static final List<String> ODD = List.of("%00", "%2F", "..", "%2E%2E%2F%2E%2E", "%FF", "%E2%80%AE",
            "+999999999-12", "-999999999-01", "-1", "99999999999999999999", "%F0%9F%98%80", "a%20b+c", "%25",
            "x".repeat(3000), "2025-11", "'%22%3Cscript%3E", "2025-13", "2025-00", "99999999999", "abc", "%zz", "%",
            "%G1", "2025-1%", "%C0%AF", "%ED%A0%80", "2025-11%00", ";x=1", "%0D%0ASet-Cookie:%20a=b");
    private static final List<String> PATHS = List.of("/incidents/%s", "/maintenance/%s", "/history/%s",
            "/components/%s", "/components/smtp-submission?window=%s", "/badges/components/%s.svg",
            "/feeds/components/%s/incidents.atom", "/feeds/components/%s/maintenance.rss", "/?lang=%s", "/embed?lang=%s",
            "/history?lang=%s", "/incidents/41?lang=%s", "/history/2025-11?lang=%s", "/feeds/incidents.atom?lang=%s",
            "/badges/status.svg?lang=%s", "/maintenance.ics?lang=%s", "/components/%s/maintenance.ics",
            "/maintenance/%s/calendar.ics", "/admin/login?%s", "/admin/subscribers/%s", "/admin/audit?before=%s",
            "/embed?%s=1");

    @BeforeEach
    void aStatus() {
        FakeStatusApi api = FakeStatusApi.shared();
        String id = "1764147600000-" + System.nanoTime() % 1_000_000;
        api.status(document("none", "2025-11-26T21:00:00Z", id,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").then().extract().asString())
                .contains("id=\"component-smtp-submission\""));
    }

    @Test
    void shouldNeverAnswerAServerErrorToAnOddAddress() throws java.io.IOException {
        List<String> failed = new ArrayList<>();
        for (String path : PATHS) {
            for (String odd : ODD) {
                String address = String.format(path, odd);
                for (String accept : List.of("text/html", "application/problem+json")) {
                    int status = rawGet(address, accept);
                    if (status >= 500) {
                        failed.add(status + " " + accept + " " + address);
                    }
                }
            }
        }
        assertThat(failed).isEmpty();
    }

    @Test
    void shouldNeverAnswerAServerErrorToOddHeaders() throws java.io.IOException {
        List<String> pages = List.of("/", "/incidents/41", "/history", "/history/2025-11", "/components/smtp-submission",
                "/embed", "/feeds/incidents.atom", "/badges/status.svg", "/maintenance.ics", "/events",
                "/admin/login", "/admin", "/admin/audit?before=1", "/admin/subscribers/1");
        List<String> headers = List.of("Accept: text/html;q=abc", "Accept: */*;q=2", "Accept: ", "Accept: ;;;,,,",
                "Accept: application/problem+json;q=0.5, text/html;q=0.5", "Accept: \u00ff/\u00ff",
                "Accept-Language: *;q=x", "Accept-Language: xx-%zz", "Accept-Language: " + "fr,".repeat(500),
                "Accept-Language: ;q=1", "If-None-Match: \"", "If-None-Match: W/", "If-None-Match: *",
                "If-None-Match: " + "\"x\",".repeat(500), "Accept-Encoding: gzip;q=x", "Accept-Encoding: *;q=0",
                "Accept-Encoding: identity;q=0", "Accept-Encoding: br;q=-1, gzip;q=2", "Last-Event-ID: %zz",
                "Last-Event-ID: 99999999999999999999999-99999999999999999999", "Last-Event-ID: -1-1",
                "Cookie: herald_admin=%zz", "Cookie: herald_admin=\"\"", "Cookie: herald_admin=" + "a".repeat(5000),
                "Cookie: herald_admin", "Cookie: ;;;=;=", "Range: bytes=9-1", "X-Forwarded-Host: %zz");
        List<String> failed = new ArrayList<>();
        for (String page : pages) {
            for (String header : headers) {
                int status = raw("GET", page, header);
                if (status >= 500) {
                    failed.add(status + " " + page + " " + header.substring(0, Math.min(header.length(), 60)));
                }
            }
            for (String method : List.of("HEAD", "OPTIONS", "TRACE", "PATCH", "BREW")) {
                int status = raw(method, page, "Accept: text/html");
                if (status >= 500) {
                    failed.add(status + " " + method + " " + page);
                }
            }
        }
        assertThat(failed).isEmpty();
    }

    private static int rawGet(String target, String accept) throws java.io.IOException {
        return raw("GET", target, "Accept: " + accept);
    }

    private static int raw(String method, String target, String header) throws java.io.IOException {
        return io.herald.web.support.RawHttp.status(method, target, "", header);
    }
}
