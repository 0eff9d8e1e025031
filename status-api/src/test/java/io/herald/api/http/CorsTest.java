package io.herald.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.SseClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page on another origin reads the public API as it reads Statuspage's (any origin, its ETag readable, a preflight
 * answered); the operators' and subscribers' endpoints never approve a cross-origin call.
 */
@QuarkusTest
class CorsTest extends IsolatedTest {
    private static final String ORIGIN = "https://intranet.elsewhere.example";
    /** Every public read (the hot routes first), as the resources declare them. */
    private static final List<String> PUBLIC_READS = List.of("/api/v2/summary.json", "/api/v2/status.json",
            "/api/v2/components.json", "/api/v1/status", "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json",
            "/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
            "/api/v2/scheduled-maintenances/active.json", "/api/v1/incidents", "/api/v1/maintenances",
            "/api/v1/uptime/days", "/api/v1/components/smtp/history", "/api/v1/components/smtp/uptime",
            "/api/v1/checks/smtp-monitor/latency");
    /** What must stay same-origin: sign-in, sessions, the admin API, subscribing. */
    private static final Map<String, String> PRIVATE = Map.of("/api/v1/admin/incidents", "POST",
            "/api/v1/admin/tokens", "GET", "/api/v1/auth/sessions", "POST", "/api/v1/auth/sessions/current", "GET",
            "/api/v1/auth/oidc", "GET", "/api/v1/subscribers", "POST", "/api/v1/subscribers/confirm", "GET",
            "/api/v1/admin/subscribers", "GET");

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @Test
    void shouldLetAnyOriginReadEveryPublicReadAndItsETag() {
        for (String path : PUBLIC_READS) {
            Response answer = given().header("Origin", ORIGIN).get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            assertThat(answer.header("Access-Control-Expose-Headers")).as(path).isEqualTo("ETag, Retry-After");
            assertThat(answer.header("Access-Control-Allow-Credentials")).as(path).isNull();
            assertThat(String.valueOf(answer.header("Vary"))).as(path + ": the answer is the same for every origin")
                    .doesNotContainIgnoringCase("origin");
        }
        // A conditional read from a page answers 304 with the same headers, or the browser drops it (bodies that do
        // not move with the clock, as the uptime figures do).
        for (String path : List.of("/api/v2/summary.json", "/api/v1/status", "/api/v1/incidents",
                "/api/v1/components/smtp/history")) {
            String etag = given().get(path).then().extract().header("ETag");
            Response again = given().header("Origin", ORIGIN).header("If-None-Match", etag).get(path);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
        }
        Response bars = given().header("Origin", ORIGIN).header("Accept-Encoding", "gzip").get("/api/v1/uptime/days");
        assertThat(bars.header("Vary")).isEqualTo("Accept-Encoding");
        // A problem on a public path is readable too (the page can show why).
        Response unknown = given().header("Origin", ORIGIN).get("/api/v1/incidents/999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void shouldLetAnyOriginFollowTheEventStream() throws Exception {
        try (SseClient client = SseClient.openWith(stream, Map.of("Origin", ORIGIN))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("Access-Control-Allow-Origin")).isEqualTo("*");
        }
    }

    @Test
    void shouldAnswerAPreflightForEveryPublicRead() {
        for (String path : concat(PUBLIC_READS, "/api/v1/stream", "/api/v1/incidents/1")) {
            Response answer = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "if-none-match, last-event-id, cache-control")
                    .options(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(204);
            assertThat(answer.header("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
            assertThat(answer.header("Access-Control-Allow-Methods")).as(path).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(answer.header("Access-Control-Allow-Headers")).as(path)
                    .isEqualTo("Accept, Cache-Control, If-None-Match, Last-Event-ID");
            assertThat(answer.header("Access-Control-Max-Age")).as(path).isEqualTo("86400");
            assertThat(String.valueOf(answer.header("Vary"))).as(path).doesNotContainIgnoringCase("origin");
        }
    }

    @Test
    void shouldNeverApproveACrossOriginCallToTheOperatorsOrSubscribersEndpoints() {
        PRIVATE.forEach((path, method) -> {
            Response preflight = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", method)
                    .header("Access-Control-Request-Headers", "authorization, content-type").options(path);
            assertThat(corsHeaders(preflight)).as("preflight of " + method + " " + path).isEmpty();
            Response call = given().header("Origin", ORIGIN).header("Authorization", "Bearer hrd_not-a-token")
                    .request(method, path);
            assertThat(corsHeaders(call)).as(method + " " + path).isEmpty();
        });
    }

    private static List<String> corsHeaders(Response response) {
        return response.headers().asList().stream().map(Header::getName)
                .filter(name -> name.toLowerCase().startsWith("access-control-")).toList();
    }

    private static List<String> concat(List<String> paths, String... more) {
        List<String> all = new java.util.ArrayList<>(paths);
        all.addAll(List.of(more));
        return all;
    }
}
