package io.herald.api.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.LogWatch;
import io.herald.api.support.TestStores;
import io.herald.http.corpus.Findings;
import io.herald.http.corpus.Gen;
import io.herald.http.corpus.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The generated bad-input corpus of status-api's public side: thousands of seeded requests against every public
 * route (found by reflection), with odd path segments, query values, headers and subscriber bodies. No answer may be
 * a 5xx or hang, every 4xx is problem+json with a title and a detail, nothing is logged at ERROR, and the subscriber
 * table changes only by the sign-ups that were accepted. Re-run one corpus with {@code -Dherald.corpus.seed=<seed>}.
 */
@QuarkusTest
class ApiCorpusTest extends IsolatedTest {
    private static final String ADMIN_TOKEN = "corpus-admin-token";
    private static final String ADMIN = "Bearer " + ADMIN_TOKEN;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int GET_REQUESTS = 4_000;
    private static final int SSE_REQUESTS = 150;
    private static final int SUBSCRIBE_REQUESTS = 900;
    private static final int TOKEN_POSTS = 200;
    private static final int SIGN_INS = 120;

    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/html", "application/xml",
            "application/problem+json", "text/event-stream", "garbage", "", ";;;", "application/json;q=0",
            "text/*;q=0.1, image/png", "application/json; charset=ebcdic", "*/*;q=abc", "x".repeat(4_000));
    private static final List<String> TAGS = List.of("*", "\"\"", "W/\"x\"", "\"abc\", *", "garbage", "\"", ",,,",
            "W/", "\"" + "a".repeat(3_000) + "\"", "null");
    private static final List<String> EVENT_IDS = List.of("0-0", "1716200000000-0", "-1", "0", "x", "99999999999999999999-0",
            "1716200000000-99999999999999999999", "inc-1-2", "inc-1-2.0-0", "inc--1", "mnt-1-1.x", "inc-1-2.1-1-1",
            "$", ">", "+", "-", "1-", "-1-1", "9223372036854775807-9223372036854775807", "%00", " ", "é", "1e9-0");
    private static final List<String> BAD_EMAILS = List.of("", " ", "a", "a@", "@example.org", "a@@example.org",
            "a b@example.org", "a@example .org", "a@localhost", "a@127.0.0.1", "a@[127.0.0.1]", "a@-x.org",
            "a@example.org\u0000", "a\u0000@example.org", "a@example.org\r\nBcc: b@example.org", "<a@example.org>",
            "a@example.org, b@example.org", "\"a\"@example.org", "x".repeat(300) + "@example.org",
            "a@" + "x".repeat(300) + ".org", "a@example.org.", "a@.org", "a@example..org", "日本@例え.テスト",
            "a@e\u0301xample.org", "mailto:a@example.org", "a@example.org/../", "a@%65xample.org");
    private static final List<String> BAD_URLS = List.of("", "http://", "https://", "https:///x", "https://exa mple.org/",
            "https://example.org:99999/", "https://example.org:-1/", "javascript:alert(1)", "file:///etc/passwd",
            "ftp://example.org/", "gopher://example.org/", "https://[::1", "https://user:pass@", "//example.org/h",
            "https://example.org/\u0000", "https://example.org/" + "x".repeat(20_000), "HTTPS://", "https:example.org",
            "https://%zz/", "https://.../", "https://example.org\\@evil.test/", "data:text/plain,x", "https://\u202E/");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=latin1", "application/json; charset=utf-16", "application/xml", "", "*/*",
            "application/problem+json", "garbage");

    // RFC 3986: only these characters in a request target ([ and ] belong to a host only), and % only as the start of two hex digits.
    private static final String URI_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~:/?#@!$&'()*+,;=";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private final Gen gen = new Gen();
    private final Findings findings = new Findings();
    private final List<String> incidentIds = new ArrayList<>();
    private final Map<String, Integer> decoderRefusals = new java.util.TreeMap<>();
    private int mailUnavailable;

    /** An incident and a maintenance, so that some generated ids name something that exists. */
    private void somethingToRead() {
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".api_token (name, scopes, secret_sha256, created_at) "
                + "VALUES ('corpus', 'admin', '" + io.herald.api.admin.TokenHash.sha256Hex(ADMIN_TOKEN) + "', now())");
        incidentIds.add(given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("name", "Mail delays", "status", "identified", "impact", "minor", "body", "Slow.",
                        "components", Map.of("smtp", "degraded_performance")))
                .post("/api/v1/admin/incidents").then().statusCode(201).extract().path("id").toString());
        Instant start = Instant.now().plus(Duration.ofDays(2));
        incidentIds.add(given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("name", "Upgrade", "body", "Short break.", "scheduled_for", start.toString(),
                        "scheduled_until", start.plus(Duration.ofHours(1)).toString(), "components", List.of("imap")))
                .post("/api/v1/admin/maintenances").then().statusCode(201).extract().path("id").toString());
    }

    @Test
    void shouldAnswerEveryOddPublicRequestInWordsWithoutAFaultOrAChange() {
        somethingToRead();
        List<ApiRoutes.Route> routes = ApiRoutes.all().stream().filter(ApiRoutes.Route::isPublic).toList();
        List<ApiRoutes.Route> gets = routes.stream().filter(r -> r.method().equals("GET")).toList();
        assertThat(gets).extracting(ApiRoutes.Route::template).contains("/api/v2/summary.json",
                "/api/v2/scheduled-maintenances/active.json", "/api/v1/status", "/api/v1/incidents/{id}",
                "/api/v1/components/{id}/history", "/api/v1/stream", "/api/v1/subscribers/confirm");
        long subscribersBefore = count("subscriber");
        long unsubscribedBefore = count("subscriber WHERE unsubscribed_at IS NOT NULL");
        long confirmedBefore = count("subscriber WHERE confirmed");
        long sessionsBefore = count("operator_session");
        Instant started = Instant.now();
        int accepted = 0;
        int webhooks = 0;
        try (LogWatch log = LogWatch.start()) {
            for (int i = 0; i < GET_REQUESTS; i++) {
                ApiRoutes.Route route = gets.get(i % gets.size());
                if (route.template().equals("/api/v1/stream")) {
                    continue;
                }
                get(route);
            }
            for (int i = 0; i < SSE_REQUESTS; i++) {
                stream();
            }
            for (int i = 0; i < SUBSCRIBE_REQUESTS; i++) {
                int status = subscribe(i);
                accepted += status == 201 || status == 202 ? 1 : 0;
                webhooks += status == 201 ? 1 : 0;
            }
            for (ApiRoutes.Route route : routes) {
                if (route.method().equals("POST") && route.template().startsWith("/api/v1/subscribers/")) {
                    for (int i = 0; i < TOKEN_POSTS; i++) {
                        send(route.toString(), "POST", target(route), headers(route), gen.chance(0.5) ? null
                                : gen.text().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            for (int i = 0; i < SIGN_INS; i++) {
                signIn();
            }
            for (String error : log.errors()) {
                findings.add("log", "ERROR logged: " + error.substring(0, Math.min(200, error.length())),
                        new byte[0], new RawHttp.Answer(0, Map.of(), new byte[0], null));
            }
        }
        long subscribersAdded = count("subscriber") - subscribersBefore;
        if (subscribersAdded != accepted) {
            findings.add("POST /api/v1/subscribers", subscribersAdded + " subscribers stored for " + accepted
                    + " sign-ups accepted", new byte[0], new RawHttp.Answer(0, Map.of(), new byte[0], null));
        }
        if (count("subscriber WHERE unsubscribed_at IS NOT NULL") != unsubscribedBefore
                || count("subscriber WHERE confirmed") - confirmedBefore != webhooks) {
            findings.add("/api/v1/subscribers", "a made-up token confirmed or unsubscribed someone (or a mail sign-up came confirmed)", new byte[0],
                    new RawHttp.Answer(0, Map.of(), new byte[0], null));
        }
        if (count("operator_session") != sessionsBefore) {
            findings.add("POST /api/v1/auth/sessions", "a refused sign-in opened a session", new byte[0],
                    new RawHttp.Answer(0, Map.of(), new byte[0], null));
        }
        Duration took = Duration.between(started, Instant.now());
        System.out.println("status-api corpus: " + findings.requests() + " requests in " + took.toMillis()
                + " ms, seed " + Gen.SEED + ", " + accepted + " sign-ups accepted, " + mailUnavailable + " mail sign-ups refused 503 mail-unavailable (no mail "
                + "server here)\n" + findings.report() + "Refused by the HTTP decoder before status-api (heads HTTP/1.1 "
                + "does not allow; bare answers): " + decoderRefusals);
        assertThat(findings.requests()).isGreaterThanOrEqualTo(5_000);
        assertThat(findings.isEmpty()).as(findings.report()).isTrue();
    }

    private void get(ApiRoutes.Route route) {
        send(route.toString(), "GET", target(route), headers(route), null);
    }

    private String target(ApiRoutes.Route route) {
        StringBuilder path = new StringBuilder();
        for (String segment : route.template().substring(1).split("/")) {
            path.append('/').append(segment.startsWith("{") ? pathValue(route) : segment);
        }
        if (gen.chance(0.05)) {
            path.append(gen.pick(List.of("/", "//", "/..", ";x=1", "%2F", "/%2e%2e", ".json", "%00")));
        }
        List<String> query = new ArrayList<>();
        for (String name : route.queryParams()) {
            if (gen.chance(0.6)) {
                int times = gen.chance(0.15) ? gen.between(2, 4) : 1;
                for (int t = 0; t < times; t++) {
                    query.add(name + "=" + queryValue(name));
                }
            }
        }
        if (gen.chance(0.1)) {
            query.add(gen.pick(List.of("x=1", "&&", "==", "=", "%zz=%zz", "a=%", "utm=" + "x".repeat(2_000),
                    "month=+999999999-12", "limit=1&limit=2")));
        }
        return path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private String pathValue(ApiRoutes.Route route) {
        if (gen.chance(0.35)) {
            return route.template().contains("/components/") ? gen.pick(List.of("smtp", "imap", "webmail", "intranet"))
                    : route.template().contains("/checks/") ? gen.pick(List.of("smtp-monitor", "imap-monitor"))
                    : gen.pick(incidentIds);
        }
        return gen.oneOf(gen::pathSegment, () -> gen.pick(List.of("..", ".", "%2e%2e", "%2E", "%00", "%", "%zz",
                "%C0%AF", "%FF%FE", "0", "-1", "+1", "1.0", "0x1", "9223372036854775808", "1e3", " 1", "%201",
                "smtp%00", "SMTP", "sm%74p", "x".repeat(gen.between(1_000, 9_000)), "%E6%97%A5%E6%9C%AC",
                "%F0%9F%92%A5", "%ED%A0%80")));
    }

    private String queryValue(String name) {
        if (gen.chance(0.4)) {
            return switch (name) {
                case "month" -> gen.chance(0.5) ? gen.month().replace("+", "%2B") : gen.month();
                case "from", "to" -> URLEncoder.encode(gen.time(), StandardCharsets.UTF_8);
                case "limit", "days", "before" -> URLEncoder.encode(gen.number(), StandardCharsets.UTF_8);
                case "window" -> gen.pick(List.of("24h", "7d", "30d", "90d", "1y", "0d", "-7d", "7D", "", "7d7d"));
                case "status" -> gen.pick(List.of("scheduled", "in_progress", "completed", "COMPLETED", "", "all"));
                case "last_event_id" -> URLEncoder.encode(gen.pick(EVENT_IDS), StandardCharsets.UTF_8);
                default -> gen.queryValue();
            };
        }
        return gen.queryValue();
    }

    private Map<String, String> headers(ApiRoutes.Route route) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (gen.chance(0.3)) {
            headers.put("Accept", gen.pick(ACCEPTS));
        }
        if (gen.chance(0.3)) {
            headers.put("If-None-Match", gen.chance(0.5) ? gen.pick(TAGS) : headerText());
        }
        if (gen.chance(0.1)) {
            headers.put("Accept-Encoding", gen.pick(List.of("gzip", "br;q=2", "*;q=0", "gzip;q=x", "identity;q=0",
                    headerText())));
        }
        if (gen.chance(0.05)) {
            headers.put("Last-Event-ID", headerText());
        }
        return headers;
    }

    /** A hostile text as a header may carry it on the wire: no CR or LF (that would be another request). */
    private String headerText() {
        String text = gen.text().replace("\r", "").replace("\n", "");
        return text.length() > 4_000 ? text.substring(0, 4_000) : text;
    }

    private void stream() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", gen.chance(0.8) ? "text/event-stream" : gen.pick(ACCEPTS));
        String target = "/api/v1/stream";
        if (gen.chance(0.6)) {
            headers.put("Last-Event-ID", gen.chance(0.6) ? gen.pick(EVENT_IDS) : headerText());
        } else if (gen.chance(0.7)) {
            target += "?last_event_id=" + (gen.chance(0.5) ? URLEncoder.encode(gen.pick(EVENT_IDS),
                    StandardCharsets.UTF_8) : gen.queryValue());
        }
        byte[] request = RawHttp.request("GET", target, headers, null);
        RawHttp.Answer answer = streamExchange(request);
        if (!refusedByDecoder("GET /api/v1/stream", request, answer)) {
            findings.judge("GET /api/v1/stream", request, answer, true);
        }
    }

    private int subscribe(int i) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean webhook = gen.chance(0.5);
        fields.put("kind", Gen.quote(webhook ? "webhook" : "email"));
        if (webhook) {
            fields.put("url", Gen.quote(gen.chance(0.5) ? gen.pick(BAD_URLS)
                    : "https://127.0.0.1/corpus/" + i));
        } else {
            fields.put("email", Gen.quote(gen.pick(BAD_EMAILS)));
        }
        if (gen.chance(0.5)) {
            fields.put("components", gen.pick(List.of("[\"smtp\"]", "[]", "[\"fax\"]", "\"smtp\"", "[1]", "[null]",
                    "{}", "[\"smtp\",\"smtp\"]")));
        }
        if (gen.chance(0.3)) {
            fields.put("component_changes", gen.pick(List.of("true", "\"yes\"", "1", "null", "[]")));
        }
        byte[] body = switch (gen.between(0, 9)) {
            case 0 -> gen.brokenBody();
            case 1 -> ("{\"kind\":\"webhook\",\"url\":\"https://hooks.example.org/" + "x".repeat(gen.between(
                    100_000, 3_000_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"kind\":\"webhook\",\"kind\":\"email\",\"url\":\"https://hooks.example.org/dup/" + i
                    + "\",\"email\":" + Gen.quote(gen.pick(BAD_EMAILS)) + "}").getBytes(StandardCharsets.UTF_8);
            default -> gen.mutate(fields).getBytes(StandardCharsets.UTF_8);
        };
        Map<String, String> headers = new LinkedHashMap<>();
        String type = gen.chance(0.8) ? "application/json" : gen.pick(CONTENT_TYPES);
        if (!type.isEmpty()) {
            headers.put("Content-Type", type);
        }
        if (gen.chance(0.1)) {
            headers.put("Accept", gen.pick(ACCEPTS));
        }
        return send("POST /api/v1/subscribers", "POST", "/api/v1/subscribers", headers, body).status();
    }

    private void signIn() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", Gen.quote(gen.chance(0.5) ? "root-operator" : gen.text()));
        fields.put("password", Gen.quote(gen.pick(List.of("wrong", "", "x".repeat(73), "é".repeat(40),
                "bootstrap operator password" + "x".repeat(60), "\u0000", "x".repeat(100_000)))));
        byte[] body = (gen.chance(0.8) ? gen.mutate(fields) : Gen.object(fields)).getBytes(StandardCharsets.UTF_8);
        send("POST /api/v1/auth/sessions", "POST", "/api/v1/auth/sessions", Map.of("Content-Type",
                gen.chance(0.9) ? "application/json" : gen.pick(CONTENT_TYPES)), body);
    }

    private RawHttp.Answer send(String route, String method, String target, Map<String, String> headers,
            byte[] body) {
        byte[] request = RawHttp.request(method, target, headers, body);
        RawHttp.Answer answer = RawHttp.exchange(port, request, TIMEOUT);
        if (refusedByDecoder(route, request, answer)) {
            return answer;
        }
        if (answer.status() == 503 && answer.text().contains("mail-unavailable")) {
            // No mail server listens in this test: a mail sign-up is refused in words and must leave no row.
            findings.counted();
            mailUnavailable++;
            return answer;
        }
        findings.judge(route, request, answer, true);
        if (answer.status() >= 400 && answer.status() < 500 && !answer.text().contains("\"detail\"")) {
            findings.add(route, answer.status() + " problem without a detail", request, answer);
        }
        return answer;
    }

    /**
     * An SSE exchange bounded in time: the answer's head (and, for a refusal, its body) is read, an event stream is
     * then closed by the client; nothing within the timeout counts as a hang.
     */
    private RawHttp.Answer streamExchange(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            try {
                for (int n = in.read(buffer); n >= 0 && System.nanoTime() < deadline; n = in.read(buffer)) {
                    got.write(buffer, 0, n);
                    String seen = got.toString(StandardCharsets.ISO_8859_1);
                    if (seen.contains("\r\n\r\n") && seen.startsWith("HTTP/1.1 200")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                if (got.size() == 0) {
                    return new RawHttp.Answer(-1, Map.of(), new byte[0], "no answer within " + TIMEOUT.toMillis()
                            + " ms");
                }
            }
            String seen = got.toString(StandardCharsets.ISO_8859_1);
            int end = seen.indexOf("\r\n\r\n");
            if (end < 0) {
                return new RawHttp.Answer(-1, Map.of(), got.toByteArray(), "an answer without a complete head");
            }
            int status = Integer.parseInt(seen.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : seen.substring(0, end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
            }
            byte[] body = java.util.Arrays.copyOfRange(got.toByteArray(), end + 4, got.size());
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding")) && status != 200) {
                body = seen.substring(end + 4).replaceAll("(?m)^[0-9a-fA-F]+\r$\n?", "")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            return new RawHttp.Answer(status, headers, body, null);
        } catch (IOException e) {
            return new RawHttp.Answer(-1, Map.of(), new byte[0], "cannot connect: " + e.getMessage());
        }
    }

    /**
     * A request whose head HTTP/1.1 does not allow (a target with characters RFC 3986 does not allow or a broken
     * percent escape, a control character in a header value, a request line longer than Quarkus's 4,096 bytes,
     * headers over 20 KB) is refused by Vert.x's HTTP decoder before status-api sees it,
     * with a bare 400, 414 or 431 and a close: counted and reported apart, not a fault of status-api. The same bare
     * answer to a well-formed head is a fault.
     */
    private boolean refusedByDecoder(String route, byte[] request, RawHttp.Answer answer) {
        if (!malformedHead(request, answer)) {
            return false;
        }
        findings.counted();
        decoderRefusals.merge(route + " | " + (answer.hung() ? answer.failure() : answer.status() + " bare"), 1,
                Integer::sum);
        return true;
    }

    private static boolean malformedHead(byte[] request, RawHttp.Answer answer) {
        boolean bare = answer.hung() ? !answer.failure().startsWith("no answer")
                : answer.header("content-type") == null && answer.body().length == 0
                        && List.of(400, 414, 431).contains(answer.status());
        if (!bare) {
            return false;
        }
        String head = new String(request, StandardCharsets.ISO_8859_1);
        head = head.substring(0, Math.max(0, head.indexOf("\r\n\r\n")));
        String[] lines = head.split("\r\n");
        String target = lines[0].substring(lines[0].indexOf(' ') + 1, lines[0].lastIndexOf(' '));
        if (lines[0].length() > 4_096 || head.length() > 20_000 || !wellFormedTarget(target)) {
            return true;
        }
        for (int i = 1; i < lines.length; i++) {
            for (char c : lines[i].toCharArray()) {
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean wellFormedTarget(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                        || Character.digit(target.charAt(i + 2), 16) < 0) {
                    return false;
                }
            } else if (URI_CHARACTERS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long count(String from) {
        return TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + "." + from);
    }
}
