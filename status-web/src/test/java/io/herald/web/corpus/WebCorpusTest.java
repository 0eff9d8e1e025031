package io.herald.web.corpus;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.incident;
import static io.herald.web.support.StatusDocs.maintenance;
import static io.herald.web.support.StatusDocs.service;
import static io.herald.web.support.StatusDocs.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.http.corpus.Findings;
import io.herald.http.corpus.Gen;
import io.herald.http.corpus.RawHttp;
import io.herald.model.HeraldJson;
import io.herald.web.problem.AnswerMedia;
import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.herald.web.support.LogWatch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated bad-input corpus of status-web: thousands of seeded requests against every public route (the JAX-RS
 * resources found by reflection, the home page and the live channel, the static files) and the operators' login form,
 * with odd path segments, query values, headers, methods and login bodies, against a fake status-api. No answer may
 * be a 5xx or hang; every 4xx is problem+json with its status, a title and a detail, or a page in words (status-web
 * answers a browser with a page), and problem+json whenever the request asked for JSON over HTML; nothing is logged at
 * ERROR. Re-run one corpus with {@code -Dherald.corpus.seed=<seed>}.
 */
@QuarkusTest
@TestProfile(WebCorpusTest.ItsOwnApp.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebCorpusTest {
    /**
     * Its own application and fake status-api: the corpus fills status-web's page caches and serves its own
     * documents, which the classes after it must not find (Quarkus starts the application again after a profile).
     */
    public static class ItsOwnApp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.web.api-url", "http://127.0.0.1:" + FakeStatusApi.portFor("web-corpus"));
        }
    }

    private FakeStatusApi api;

    @BeforeAll
    void startStatusApi() {
        api = FakeStatusApi.startOn(FakeStatusApi.portFor("web-corpus"));
    }

    @AfterAll
    void stopStatusApi() {
        api.stop();
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int GET_REQUESTS = 3_200;
    private static final int SSE_REQUESTS = 150;
    private static final int LOGIN_FORMS = 100;
    private static final int LOGIN_POSTS = 450;
    private static final List<String> COMPONENTS = List.of("smtp-submission", "imap-pop", "activesync-endpoints");
    private static final List<String> ACCEPTS = List.of("*/*", "text/html", "application/json",
            "application/problem+json", "application/xml", "text/event-stream", "image/svg+xml", "text/calendar",
            "application/atom+xml", "garbage", "", ";;;", ",,,", "text/html;q=abc", "*/*;q=2",
            "application/json;q=0.9, text/html;q=0.8", "application/problem+json;q=0.5, text/html;q=0.5",
            "text/*;q=0.1, application/*", "application/json; charset=ebcdic", "\u00ff/\u00ff", "x".repeat(4_000));
    private static final List<String> LANGUAGES = List.of("fr", "en", "fr-FR", "de", "*", "*;q=x", "fr;q=2",
            "fr;q=-1", "xx-%zz", ";q=1", ",,,", "fr," + "en,".repeat(600), "zh-Hant-TW-x-private", "i-klingon",
            "en-US;q=0.5, fr;q=0.9", "\u00e9", "", "q=0.5");
    private static final List<String> TAGS = List.of("*", "\"\"", "W/\"x\"", "\"abc\", *", "garbage", "\"", ",,,",
            "W/", "\"" + "a".repeat(3_000) + "\"", "null", "\"x\",".repeat(500), "W/\"\"");
    private static final List<String> EVENT_IDS = List.of("0-0", "1764147600000-1", "-1", "0", "x", "%zz", " ",
            "99999999999999999999999-99999999999999999999", "-1-1", "$", ">", "1e9-0", "é", "inc-41-1");
    private static final List<String> LANG_VALUES = List.of("fr", "en", "FR", "de", "", "fr-FR", "%00", "%zz",
            "x".repeat(3_000), "en&lang=fr", "fr%00", "*", "..%2F");
    private static final List<String> WINDOWS = List.of("24h", "7d", "30d", "90d", "1y", "0d", "-7d", "7D", "",
            "7d7d", "%00", "99999999999999999999d");
    private static final List<String> METHODS = List.of("HEAD", "OPTIONS", "TRACE", "PATCH", "DELETE", "PUT", "POST",
            "BREW", "CONNECT");
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded", "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=latin1", "application/json", "text/plain",
            "multipart/form-data", "multipart/form-data; boundary=x", "", "*/*", "garbage");
    private static final List<String> ORIGINS = List.of("http://127.0.0.1", "http://127.0.0.1:18080",
            "https://evil.example", "null", "", "%zz", "http://", "javascript:alert(1)", "http://user@127.0.0.1");
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)(?::([^}]*))?}");
    private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}");

    // RFC 3986: only these characters in a request target, and % only as the start of two hex digits.
    private static final String URI_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~:/?#@!$&'()*+,;=";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private final Gen gen = new Gen();
    private final Findings findings = new Findings();
    private final Map<String, Integer> decoderRefusals = new TreeMap<>();
    private final Map<Integer, Integer> answers = new TreeMap<>();
    private String csrfCookie;
    private String csrfToken;

    /** A page with three components, an incident, a maintenance and a component's history, so some ids exist. */
    @BeforeEach
    void somethingToRead() {
        Map<String, Object> incident = incident("41", "Mail delays", "resolved", "minor", "2025-11-26T08:00:00Z",
                "2025-11-26T21:00:00Z", List.of(affected("smtp-submission", "SMTP submission", "operational")),
                update("investigating", "Slow <b>answers</b>", "2025-11-26T08:00:00Z"),
                update("resolved", "Fast again", "2025-11-26T21:00:00Z"));
        api.serve("/api/v1/incidents/41", HeraldJson.write(incident));
        api.serve("/api/v1/incidents", HeraldJson.write(Map.of("incidents", List.of(incident))));
        Map<String, Object> upgrade = maintenance("7", "Mail server upgrade", "scheduled", "2025-11-28T20:00:00Z",
                "2025-11-28T22:00:00Z", List.of(affected("smtp-submission", "SMTP submission", "operational")),
                update("scheduled", "Sending may pause", "2025-11-26T07:00:00Z"));
        api.serve("/api/v1/maintenances/7", HeraldJson.write(upgrade));
        api.serve("/api/v1/maintenances", HeraldJson.write(Map.of("maintenances", List.of(upgrade))));
        api.serve("/api/v1/components/smtp-submission/uptime", HeraldJson.write(Map.of("component",
                "smtp-submission", "window", "30d", "uptime_percent", 99.5, "seconds", Map.of("operational", 100))));
        api.serve("/api/v1/components/smtp-submission/history", HeraldJson.write(Map.of("component",
                "smtp-submission", "changes", List.of(Map.of("id", "1-0", "from", "operational", "to",
                        "partial_outage", "at", "2025-11-26T08:00:00Z", "detail", "2 of 5 fail")))));
        api.answer("POST /api/v1/auth/sessions", 401, "{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"Wrong username or password.\"}");
        String id = "1764147600000-" + System.nanoTime() % 1_000_000;
        api.status(document("minor", "2025-11-26T08:00:00Z", id,
                service("email", "Email", "degraded_performance",
                        component("smtp-submission", "SMTP submission", "degraded_performance", "slow answers"),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").asString())
                .contains("id=\"component-imap-pop\""));
        io.restassured.response.Response form = given().get("/admin/login");
        csrfCookie = form.getCookie("herald_login_csrf");
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.asString());
        assertThat(token.find()).as("the login form carries its CSRF token").isTrue();
        csrfToken = token.group(1);
    }

    @Test
    void shouldAnswerEveryOddRequestToThePagesInWordsWithoutAFault() {
        List<WebRoutes.Route> routes = WebRoutes.all();
        List<WebRoutes.Route> gets = routes.stream().filter(r -> r.method().equals("GET") && !r.isAdmin()
                && !r.template().equals("/events")).toList();
        assertThat(gets).extracting(WebRoutes.Route::template).contains("/", "/incidents/{id}", "/maintenance/{id}",
                "/history", "/history/{month}", "/components/{id}", "/components/{id}/maintenance.ics",
                "/feeds/incidents.atom", "/feeds/maintenance.rss", "/maintenance.ics",
                "/maintenance/{id}/calendar.ics", "/badges/status.svg", "/badges/components/{id}.svg", "/embed",
                "/css/status.css", "/js/live.js");
        assertThat(routes).extracting(WebRoutes.Route::toString).contains("GET /events", "GET /admin/login",
                "POST /admin/login");
        Instant started = Instant.now();
        try (LogWatch log = LogWatch.start()) {
            for (int i = 0; i < GET_REQUESTS; i++) {
                WebRoutes.Route route = gets.get(i % gets.size());
                String method = gen.chance(0.06) ? gen.pick(METHODS) : "GET";
                send(method + " " + route.template(), method, target(route), headers(), method.equals("GET")
                        || method.equals("HEAD") || gen.chance(0.5) ? null : gen.brokenBody());
            }
            for (int i = 0; i < SSE_REQUESTS; i++) {
                stream();
            }
            WebRoutes.Route loginForm = new WebRoutes.Route("GET", "/admin/login", List.of());
            for (int i = 0; i < LOGIN_FORMS; i++) {
                send("GET /admin/login", "GET", target(loginForm), headers(), null);
            }
            for (int i = 0; i < LOGIN_POSTS; i++) {
                login();
            }
            for (String error : log.errors()) {
                findings.add("log", "ERROR logged: " + error.substring(0, Math.min(200, error.length())),
                        new byte[0], new RawHttp.Answer(0, Map.of(), new byte[0], null));
            }
        }
        Duration took = Duration.between(started, Instant.now());
        System.out.println("status-web corpus: " + findings.requests() + " requests in " + took.toMillis()
                + " ms, seed " + Gen.SEED + ", " + gets.size() + " GET routes; answers by status: " + answers + "\n"
                + findings.report() + "Refused by the HTTP decoder before status-web (heads HTTP/1.1 does not allow; "
                + "bare answers): " + decoderRefusals);
        assertThat(findings.requests()).isGreaterThanOrEqualTo(3_000);
        assertThat(findings.isEmpty()).as(findings.report()).isTrue();
    }

    private String target(WebRoutes.Route route) {
        StringBuilder path = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(route.template());
        int at = 0;
        while (parameter.find()) {
            path.append(route.template(), at, parameter.start());
            path.append(parameter.group(2) != null && gen.chance(0.85)
                    ? gen.pick(List.of(parameter.group(2).split("\\|"))) : pathValue(route, parameter.group(1)));
            at = parameter.end();
        }
        path.append(route.template().substring(at));
        if (gen.chance(0.05)) {
            path.append(gen.pick(List.of("/", "//", "/..", ";x=1", "%2F", "/%2e%2e", ".json", "%00", "?", "#x")));
        }
        List<String> query = new ArrayList<>();
        for (String name : route.queryParams()) {
            if (gen.chance(0.5)) {
                int times = gen.chance(0.15) ? gen.between(2, 4) : 1;
                for (int t = 0; t < times; t++) {
                    query.add(name + "=" + queryValue(name));
                }
            }
        }
        if (gen.chance(0.15)) {
            query.add(gen.pick(List.of("lang=" + queryValue("lang"), "x=1", "&&", "==", "=", "%zz=%zz", "a=%",
                    "utm=" + "x".repeat(2_000), "month=+999999999-12", "lang=fr&lang=en", "window=7d&window=90d",
                    gen.queryValue() + "=" + gen.queryValue())));
        }
        return path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    private String pathValue(WebRoutes.Route route, String name) {
        if (gen.chance(0.35)) {
            return switch (name) {
                case "month" -> gen.chance(0.5) ? gen.month().replace("+", "%2B") : gen.month();
                case "id" -> route.template().startsWith("/incidents/") ? gen.pick(List.of("41", "77"))
                        : route.template().startsWith("/maintenance/") ? gen.pick(List.of("7", "8"))
                        : gen.pick(COMPONENTS);
                default -> gen.pathSegment();
            };
        }
        return gen.oneOf(gen::pathSegment, () -> gen.pick(List.of("..", ".", "%2e%2e", "%2E", "%00", "%", "%zz",
                "%C0%AF", "%FF%FE", "0", "-1", "+1", "1.0", "0x1", "9223372036854775808", "99999999999999999999",
                "1e3", " 1", "%201", "41%00", "smtp-submission%00", "SMTP-SUBMISSION", "smtp%2Dsubmission",
                "x".repeat(gen.between(1_000, 9_000)), "%E6%97%A5%E6%9C%AC", "%F0%9F%92%A5", "%ED%A0%80",
                "+999999999-12", "-999999999-01", "%2B999999999-12", "2025-11", "2025-13", "%0D%0ASet-Cookie:%20a=b")));
    }

    private String queryValue(String name) {
        if (gen.chance(0.4)) {
            return switch (name) {
                case "lang" -> gen.pick(LANG_VALUES);
                case "window" -> gen.pick(WINDOWS);
                default -> gen.queryValue();
            };
        }
        return gen.queryValue();
    }

    private Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (gen.chance(0.5)) {
            headers.put("Accept", gen.pick(ACCEPTS));
        }
        if (gen.chance(0.3)) {
            headers.put("Accept-Language", gen.chance(0.6) ? gen.pick(LANGUAGES) : headerText());
        }
        if (gen.chance(0.25)) {
            headers.put("If-None-Match", gen.chance(0.5) ? gen.pick(TAGS) : headerText());
        }
        if (gen.chance(0.1)) {
            headers.put("Accept-Encoding", gen.pick(List.of("gzip", "br", "br;q=2", "*;q=0", "gzip;q=x",
                    "identity;q=0", "br;q=-1, gzip;q=2", headerText())));
        }
        if (gen.chance(0.05)) {
            headers.put("Last-Event-ID", gen.chance(0.5) ? gen.pick(EVENT_IDS) : headerText());
        }
        if (gen.chance(0.05)) {
            headers.put("Cookie", gen.pick(List.of("herald_admin=%zz", "herald_admin=\"\"", "herald_admin",
                    ";;;=;=", "herald_admin=" + "a".repeat(5_000), "herald_login_csrf=" + headerText())));
        }
        if (gen.chance(0.03)) {
            headers.put("Range", gen.pick(List.of("bytes=9-1", "bytes=0-", "bytes=-0", "bytes=x", "lines=1-2")));
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
        if (gen.chance(0.6)) {
            headers.put("Last-Event-ID", gen.chance(0.6) ? gen.pick(EVENT_IDS) : headerText());
        }
        if (gen.chance(0.2)) {
            headers.put("Accept-Language", gen.pick(LANGUAGES));
        }
        String target = "/events" + (gen.chance(0.5) ? "?lang=" + queryValue("lang") : "");
        String method = gen.chance(0.05) ? gen.pick(METHODS) : "GET";
        byte[] request = RawHttp.request(method, target, headers, null);
        RawHttp.Answer answer = streamExchange(request);
        if (!refusedByDecoder(method + " /events", request, answer)) {
            judge(method + " /events", request, answer);
        }
    }

    /** The login form sent back: its CSRF token right, wrong or missing, odd fields, broken bodies and types. */
    private void login() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", gen.chance(0.7) ? csrfToken : gen.text());
        fields.put("username", gen.chance(0.4) ? "root-operator" : gen.text());
        fields.put("password", gen.pick(List.of("wrong", "", "x".repeat(73), "é".repeat(40), "\u0000",
                "x".repeat(100_000), gen.text())));
        if (gen.chance(0.1)) {
            fields.remove(gen.pick(List.copyOf(fields.keySet())));
        }
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=')
                .append(gen.chance(0.15) ? value.replace("&", "%26") : URLEncoder.encode(value, StandardCharsets.UTF_8)));
        if (gen.chance(0.1)) {
            form.append(gen.pick(List.of("&username=other", "&&&", "&=", "&%zz=%zz", "&csrf=" + csrfToken, "%",
                    "&a=%E9", "&" + "x".repeat(2_000) + "=1")));
        }
        byte[] body = switch (gen.between(0, 9)) {
            case 0 -> gen.brokenBody();
            case 1 -> ("csrf=" + csrfToken + "&username=" + "x".repeat(gen.between(100_000, 3_000_000)))
                    .getBytes(StandardCharsets.UTF_8);
            default -> form.toString().getBytes(StandardCharsets.UTF_8);
        };
        Map<String, String> headers = new LinkedHashMap<>();
        String type = gen.chance(0.85) ? "application/x-www-form-urlencoded" : gen.pick(CONTENT_TYPES);
        if (!type.isEmpty()) {
            headers.put("Content-Type", type);
        }
        if (gen.chance(0.9)) {
            headers.put("Cookie", "herald_login_csrf=" + (gen.chance(0.85) ? csrfCookie : headerText()));
        }
        if (gen.chance(0.15)) {
            headers.put("Origin", gen.pick(ORIGINS));
        }
        if (gen.chance(0.3)) {
            headers.put("Accept", gen.pick(ACCEPTS));
        }
        if (gen.chance(0.1)) {
            headers.put("Accept-Language", gen.pick(LANGUAGES));
        }
        send("POST /admin/login", "POST", "/admin/login" + (gen.chance(0.05) ? "?" + gen.queryValue() : ""),
                headers, body);
    }

    private RawHttp.Answer send(String route, String method, String target, Map<String, String> headers,
            byte[] body) {
        byte[] request = RawHttp.request(method, target, headers, body);
        RawHttp.Answer answer = RawHttp.exchange(port, request, TIMEOUT);
        if (!refusedByDecoder(route, request, answer)) {
            judge(route, request, answer);
        }
        return answer;
    }

    /**
     * No hang, no 5xx; a 4xx is problem+json with its status, a title and a detail, or (when the request did not ask
     * for JSON over HTML) a page in words; a HEAD answer has no body to judge.
     */
    private void judge(String route, byte[] request, RawHttp.Answer answer) {
        findings.judge(route, request, answer, false);
        if (answer.hung()) {
            return;
        }
        answers.merge(answer.status(), 1, Integer::sum);
        if (answer.status() < 400 || answer.status() >= 500 || route.startsWith("HEAD ")) {
            return;
        }
        String type = String.valueOf(answer.header("content-type"));
        String body = text(answer);
        if (type.startsWith("application/problem+json")) {
            if (!body.contains("\"status\":" + answer.status()) || !body.contains("\"title\"")
                    || !body.contains("\"detail\"")) {
                findings.add(route, answer.status() + " problem+json without its status, title or detail", request,
                        answer);
            }
        } else if (type.startsWith("text/html")) {
            String accept = acceptOf(request);
            if (AnswerMedia.prefersProblem(accept) && !acceptsHtml(accept)) {
                findings.add(route, answer.status() + " a page to a request that takes only JSON", request, answer);
            } else if (body != null && !inWords(body)) {
                findings.add(route, answer.status() + " a page without words", request, answer);
            }
        } else {
            findings.add(route, answer.status() + " neither problem+json nor a page (" + type + ")", request, answer);
        }
    }

    /** The body as text, gunzipped if need be; null when it is in an encoding the JDK cannot read (br). */
    private static String text(RawHttp.Answer answer) {
        String encoding = answer.header("content-encoding");
        if (encoding == null || encoding.equals("identity")) {
            return answer.text();
        }
        if (!encoding.equals("gzip")) {
            return null;
        }
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(answer.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether an Accept takes HTML at some weight above 0 (no Accept takes anything). */
    private static boolean acceptsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";", -1);
            String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("text/html") || type.equals("text/*") || type.equals("*/*")) {
                boolean zero = false;
                for (int i = 1; i < parts.length; i++) {
                    zero |= parts[i].strip().replace(" ", "").matches("[qQ]=0(\\.0*)?");
                }
                if (!zero) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A page with a title and a heading or paragraph that says something (a few words once the markup is gone). */
    private static boolean inWords(String html) {
        String text = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        Matcher words = WORDS.matcher(text);
        int count = 0;
        while (words.find()) {
            count++;
        }
        return html.contains("<title>") && (html.contains("<h1") || html.contains("<p")) && count >= 5;
    }

    private static String acceptOf(byte[] request) {
        String head = new String(request, StandardCharsets.UTF_8);
        head = head.substring(0, Math.max(0, head.indexOf("\r\n\r\n")));
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Accept:", 0, 7)) {
                return line.substring(7).strip();
            }
        }
        return null;
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
     * headers over 20 KB) is refused by Vert.x's HTTP decoder before status-web sees it, with a bare 400, 414 or 431
     * and a close: counted and reported apart, not a fault of status-web. The same bare answer to a well-formed head
     * is a fault.
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
}
