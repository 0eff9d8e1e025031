package io.herald.ingest.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.http.corpus.Findings;
import io.herald.http.corpus.Gen;
import io.herald.http.corpus.RawHttp;
import io.herald.ingest.support.TestEnvironment;
import io.herald.model.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus of the ingest routes: thousands of seeded hostile requests, written byte for byte on a socket,
 * against every route a monitor or a job can call. None may answer 5xx or hang; every 4xx is problem+json with a
 * title; what must be refused (wrong auth, wrong content type, a body over the limit, an unknown source or check) is
 * refused; and the signals stream holds exactly the entries the 202 answers named, nothing from a refused request.
 * Re-run a failure with {@code -Dherald.corpus.seed=<seed>} (the report prints it).
 */
@QuarkusTest
class IngestCorpusTest {
    private static final int PER_ROUTE = 700;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SOURCES = Set.of("test-monitor", "other-monitor", "am", "grafana", "kuma", "pd",
            "signed", "pingdom", "azure", "heartbeat");

    @Inject
    RedisDataSource redis;

    private final Gen gen = new Gen();
    private final Findings findings = new Findings();
    private final RedisKeys keys = new RedisKeys(TestEnvironment.PREFIX);
    private int serial;
    private int decoderRefusals;

    /** How a sender proves who it is; {@code wrong} gives credentials that must be refused. */
    private interface Auth {
        Map<String, String> headers(byte[] body, boolean wrong);
    }

    /** One ingest route: where it is, how it signs, what a well-formed body of it is, and the check it feeds. */
    private record Route(String name, String path, String check, Auth auth, Function<Integer, Map<String, Object>> body,
            boolean heartbeat) {
    }

    @Test
    void shouldAnswerEveryHostileRequestInWordsAndRecordOnlyWhatItAccepted() {
        System.out.println("IngestCorpusTest seed " + Gen.SEED + " (re-run with -Dherald.corpus.seed=" + Gen.SEED + ")");
        long started = System.nanoTime();
        List<Route> routes = routes();
        int valid = 0;
        for (Route route : routes) {
            valid += run(route);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("IngestCorpusTest: " + findings.requests() + " requests in " + seconds + " s, " + valid
                + " well-formed deliveries accepted, " + decoderRefusals + " refused with an empty 4xx before Herald's "
                + "code (see Wire.refusedByTheHttpDecoder)\n" + findings.report());

        assertThat(findings.requests()).as("requests in the corpus").isGreaterThanOrEqualTo(6_000);
        assertThat(valid).as("well-formed deliveries accepted (a corpus refusing everything proves nothing)")
                .isGreaterThan(routes.size() * 10);
        assertThat(findings.isEmpty()).as(findings.report()).isTrue();
    }

    /** Sends one route's share of the corpus; the item is how many well-formed deliveries were accepted. */
    private int run(Route route) {
        String last = lastEntry();
        Set<String> answered = new TreeSet<>();
        int accepted = 0;
        for (int i = 0; i < PER_ROUTE; i++) {
            Sent sent = next(route);
            RawHttp.Answer raw = sent.request().length > 64_000 ? Wire.exchangeWhileSending(RestAssured.port,
                    sent.request(), TIMEOUT) : RawHttp.exchange(RestAssured.port, sent.request(), TIMEOUT);
            boolean decoder = Wire.refusedByTheHttpDecoder(sent.request());
            if (decoder && !raw.hung() && raw.status() >= 400 && raw.status() < 500 && raw.body().length == 0) {
                // Netty, Quarkus or RESTEasy answers these before any handler of Herald's can (docs/bad-input.md).
                findings.counted();
                decoderRefusals++;
                continue;
            }
            RawHttp.Answer answer = findings.judge(route.name(), sent.request(), raw, true);
            if (answer.hung()) {
                continue;
            }
            if (answer.status() >= 400 && answer.status() < 500
                    && String.valueOf(answer.header("content-type")).startsWith("application/problem+json")
                    && !answer.text().matches("(?s).*\"detail\"\\s*:\\s*\"[^\"]+.*")) {
                findings.add(route.name(), answer.status() + " problem+json without a detail", sent.request(), answer);
            }
            if (sent.mustRefuse() != null && answer.status() < 400) {
                findings.add(route.name(), "accepted what must be refused (" + sent.mustRefuse() + ")", sent.request(),
                        answer);
            }
            if (sent.mustAccept() && answer.status() != 202) {
                findings.add(route.name(), "refused a well-formed delivery with " + answer.status(), sent.request(),
                        answer);
            } else if (sent.mustAccept()) {
                accepted++;
            }
            if (answer.status() == 202) {
                answered.addAll(entries(route, answer));
            }
        }
        Set<String> stored = new TreeSet<>();
        RawHttp.Answer none = new RawHttp.Answer(0, Map.of(), new byte[0], null);
        for (StreamMessage<String, String, String> entry : redis.stream(String.class)
                .xrange(keys.signals(), StreamRange.of(last, "+"))) {
            if (!entry.id().equals(last) && route.check().equals(entry.payload().get("check"))) {
                stored.add(entry.id());
                insane(entry.payload()).ifPresent(why -> findings.add(route.name(), "stored " + why,
                        entry.payload().toString().getBytes(StandardCharsets.UTF_8), none));
            }
        }
        Set<String> unanswered = new TreeSet<>(stored);
        unanswered.removeAll(answered);
        Set<String> missing = new TreeSet<>(answered);
        missing.removeAll(stored);
        if (!unanswered.isEmpty()) {
            findings.add(route.name(), unanswered.size() + " stream entries no 202 answered for",
                    unanswered.toString().getBytes(StandardCharsets.UTF_8), none);
        }
        if (!missing.isEmpty()) {
            findings.add(route.name(), missing.size() + " signals answered 202 but not in the stream",
                    missing.toString().getBytes(StandardCharsets.UTF_8), none);
        }
        return accepted;
    }

    /** What no accepted signal may hold: a latency beyond a day (1e999 once became Long.MAX_VALUE), an unreadable time. */
    private static java.util.Optional<String> insane(Map<String, String> signal) {
        String latency = signal.get("latency_ms");
        if (latency != null && !(Long.parseLong(latency) >= 0 && Long.parseLong(latency) <= 86_400_000L)) {
            return java.util.Optional.of("a latency_ms outside 0..86400000");
        }
        try {
            Instant.parse(signal.get("observed_at"));
        } catch (RuntimeException e) {
            return java.util.Optional.of("an observed_at Instant cannot read");
        }
        return java.util.Optional.empty();
    }

    /** A request and what the route must do with it: refuse it (and why), accept it, or either. */
    private record Sent(byte[] request, String mustRefuse, boolean mustAccept) {
    }

    private Sent next(Route route) {
        int n = ++serial;
        Map<String, Object> template = route.body().apply(n);
        String validBody = route.heartbeat() ? "" : render(template);
        int kind = gen.random().nextInt(100);
        if (kind < 6) {
            return send(route, "POST", route.path(), json(), bytes(validBody), false, null, true);
        }
        if (kind < 38) {
            return send(route, "POST", route.path(), json(), bytes(route.heartbeat() ? gen.text() : mutate(template)),
                    false, null, false);
        }
        if (kind < 46) {
            return send(route, "POST", route.path(), json(), bytes(route.heartbeat() ? gen.text() : absurd(template)),
                    false, null, false);
        }
        if (kind < 54) {
            return send(route, "POST", route.path(), json(), gen.brokenBody(), false, null, false);
        }
        if (kind < 58) {
            return send(route, "POST", route.path(), json(), bytes(deep()), false, null, false);
        }
        if (kind < 63) {
            boolean past = gen.chance(0.97);
            byte[] big = past ? bytes(padded(template, between(MAX_BODY + 1, 20_000)))
                    : bytes(padded(template, 1_100_000));
            return send(route, "POST", route.path(), json(), big, false, "a body over the limit", false);
        }
        if (kind < 70) {
            String type = gen.pick(List.of("text/plain", "application/x-www-form-urlencoded", "", "*/*", "a/b/c",
                    "application/", "json", "text/json", "application/xml", "multipart/form-data; boundary=x",
                    "application/json; charset=ebcdic", "application/problem+json", "APPLICATION/JSON",
                    "application/json\u0000", "application/vnd.api+json"));
            Map<String, String> headers = type.isEmpty() ? Map.of() : Map.of("Content-Type", type);
            boolean jsonish = type.toLowerCase().startsWith("application/json") || type.endsWith("+json");
            return send(route, "POST", route.path(), headers, bytes(validBody), false,
                    jsonish || route.heartbeat() ? null : "a body that is not application/json", false);
        }
        if (kind < 80) {
            return send(route, "POST", route.path(), json(), bytes(validBody), true, "wrong or missing credentials",
                    false);
        }
        if (kind < 84) {
            return send(route, "POST", route.path(), json(), new byte[0], false,
                    route.heartbeat() ? null : "an empty body", false);
        }
        if (kind < 92) {
            String segment = gen.pathSegment();
            String base = route.heartbeat() ? "/ingest/heartbeat/" : "/ingest/";
            boolean known = route.heartbeat() ? segment.equals("corpus-heartbeat") : SOURCES.contains(segment);
            return send(route, "POST", base + segment, json(), bytes(validBody), false,
                    known ? null : "an unknown source or check", false);
        }
        if (kind < 97) {
            String query = gen.pick(List.of("x", "status", "msg", "token", "check")) + "=" + gen.queryValue();
            String target = route.path() + (route.path().contains("?") ? "&" : "?") + query;
            return send(route, "POST", target, json(), bytes(validBody), false, null, false);
        }
        String method = gen.pick(List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS"));
        return send(route, method, route.path(), json(), bytes(validBody), false,
                method.equals("OPTIONS") ? null : "a method the route does not take", false);
    }

    private Sent send(Route route, String method, String target, Map<String, String> headers, byte[] body,
            boolean wrongAuth, String mustRefuse, boolean mustAccept) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(route.auth().headers(body, wrongAuth));
        if (!wrongAuth && !mustAccept && gen.chance(0.03)) {
            all.put("Transfer-Encoding", "chunked");
            return new Sent(RawHttp.request(method, target, all, chunked(body)), mustRefuse, false);
        }
        return new Sent(RawHttp.request(method, target, all, body), mustRefuse, mustAccept);
    }

    private static byte[] chunked(byte[] body) {
        String head = Integer.toHexString(body.length) + "\r\n";
        byte[] out = new byte[head.length() + body.length + 7];
        System.arraycopy(bytes(head), 0, out, 0, head.length());
        System.arraycopy(body, 0, out, head.length(), body.length);
        System.arraycopy(bytes("\r\n0\r\n\r\n"), 0, out, head.length() + body.length, 7);
        return body.length == 0 ? bytes("0\r\n\r\n") : out;
    }

    private List<String> entries(Route route, RawHttp.Answer answer) {
        List<String> ids = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(answer.body());
            if (route.heartbeat()) {
                ids.add(body.get("signal_id").asText());
            } else {
                for (JsonNode signal : body.path("signals")) {
                    if (!signal.path("duplicate").asBoolean()) {
                        ids.add(signal.get("signal_id").asText());
                    }
                }
            }
        } catch (Exception e) {
            findings.add(route.name(), "202 whose body is not the accepted answer", new byte[0], answer);
        }
        return ids;
    }

    private String lastEntry() {
        List<StreamMessage<String, String, String>> last = redis.stream(String.class)
                .xrevrange(keys.signals(), StreamRange.of("+", "-"), 1);
        return last.isEmpty() ? "0-0" : last.get(0).id();
    }

    // ---- bodies

    private String mutate(Map<String, Object> node) {
        Map<String, String> fields = rendered(node);
        List<String> nested = node.entrySet().stream().filter(e -> !(e.getValue() instanceof String))
                .map(Map.Entry::getKey).toList();
        if (nested.isEmpty() || gen.chance(0.35)) {
            return gen.mutate(fields);
        }
        String key = gen.pick(nested);
        Object value = node.get(key);
        fields.put(key, value instanceof List<?> list ? "[" + mutate(child(list.get(0))) + "]" : mutate(child(value)));
        return Gen.object(fields);
    }

    /** The well-formed body with one value, at any depth, replaced by an absurd number or time. */
    private String absurd(Map<String, Object> node) {
        Map<String, String> fields = rendered(node);
        List<String> numbersAndTimes = node.keySet().stream().filter(TIMES_AND_NUMBERS::contains).toList();
        String key = !numbersAndTimes.isEmpty() && gen.chance(0.7) ? gen.pick(numbersAndTimes)
                : gen.pick(new ArrayList<>(node.keySet()));
        Object value = node.get(key);
        if (value instanceof String || gen.chance(0.3)) {
            fields.put(key, gen.chance(0.6) ? gen.pick(ABSURD) : gen.oneOf(gen::number, () -> Gen.quote(gen.time())));
        } else {
            fields.put(key, value instanceof List<?> list ? "[" + absurd(child(list.get(0))) + "]" : absurd(child(value)));
        }
        return Gen.object(fields);
    }

    private static final Set<String> TIMES_AND_NUMBERS = Set.of("state_changed_timestamp", "latency_ms",
            "observed_at", "startsAt", "endsAt", "time", "ping", "occurred_at", "firedDateTime", "status", "check_id",
            "monitorID");

    private static final List<String> ABSURD = List.of("1e999", "-1e999", "-1", "9e18", "9000000000000000000",
            "-9223372036854775808", "1000000000000000", "1e15", "253402300800", "\"+999999999-12-31T23:59:59Z\"",
            "\"-999999999-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"+1000000000-01-01T00:00:00Z\"",
            "\"2026-12-03T10:00:00+18:00\"", "\"-999999999-01-01T00:00:00-18:00\"", "1.7976931348623157e308");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, String> rendered(Map<String, Object> node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.forEach((key, value) -> fields.put(key, value instanceof String raw ? raw
                : value instanceof List<?> list ? "[" + render(child(list.get(0))) + "]" : render(child(value))));
        return fields;
    }

    private static String render(Map<String, Object> node) {
        return Gen.object(rendered(node));
    }

    /** The well-formed body with a long detail added at the top, so only its size is wrong. */
    private String padded(Map<String, Object> template, int size) {
        Map<String, String> fields = rendered(template);
        fields.put("padding", Gen.quote(gen.pick(List.of("x", "é", "\u0000", " ")).repeat(size)));
        return Gen.object(fields);
    }

    private String deep() {
        int depth = between(100, 5_000);
        String open = gen.pick(List.of("[", "{\"a\":"));
        String close = open.equals("[") ? "]" : "}";
        return "{\"check\":" + open.repeat(depth) + "1" + close.repeat(gen.chance(0.5) ? depth : depth / 2) + "}";
    }

    private int between(int min, int max) {
        return gen.between(min, max);
    }

    private static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private static String q(String text) {
        return Gen.quote(text);
    }

    private static String now() {
        return q(Instant.now().toString());
    }

    // ---- the routes

    private List<Route> routes() {
        Auth senderToken = bearer(TestEnvironment.SENDER_TOKEN);
        Function<Integer, Map<String, Object>> herald = n -> obj("check", q("corpus-generic"), "status", q("down"),
                "detail", q("EHLO answered 421"), "id", q("corpus-" + n), "latency_ms", "812.4", "observed_at", now());
        return List.of(
                new Route("POST /ingest/{source} generic", "/ingest/test-monitor", "corpus-generic",
                        bearer(TestEnvironment.TOKEN), herald, false),
                new Route("POST /ingest/{source} standard-webhooks", "/ingest/signed", "corpus-signed",
                        standardWebhooks(), n -> {
                            Map<String, Object> body = herald.apply(n);
                            body.put("check", q("corpus-signed"));
                            body.remove("id");
                            return body;
                        }, false),
                new Route("POST /ingest/{source} alertmanager", "/ingest/am", "corpus-am", senderToken,
                        n -> alertGroup("corpus-am", n), false),
                new Route("POST /ingest/{source} grafana", "/ingest/grafana", "corpus-grafana",
                        hmacHex("X-Grafana-Alerting-Signature", "", TestEnvironment.GRAFANA_SECRET),
                        n -> alertGroup("corpus-grafana", n), false),
                new Route("POST /ingest/{source} uptime-kuma", "/ingest/kuma", "corpus-kuma", senderToken,
                        n -> obj("heartbeat", obj("monitorID", "99", "status", gen.pick(List.of("0", "1", "2")),
                                "time", q("2025-03-04 08:15:" + String.format("%02d", n % 60) + "." + n), "msg",
                                q("connect ECONNREFUSED"), "ping", "12.5"),
                                "monitor", obj("id", "99", "name", q("corpus-kuma")), "msg", q("[corpus-kuma] down")),
                        false),
                new Route("POST /ingest/{source} pagerduty", "/ingest/pd", "corpus-pd",
                        hmacHex("X-PagerDuty-Signature", "v1=", TestEnvironment.PAGERDUTY_SECRET),
                        n -> obj("event", obj("id", q("EV" + n), "event_type", q("incident.triggered"),
                                "resource_type", q("incident"), "occurred_at", now(),
                                "data", obj("id", q("Q" + n), "type", q("incident"), "status", q("triggered"),
                                        "title", q("ActiveSync answers 503"),
                                        "service", obj("id", q("PCORPUS"), "summary", q("corpus-pd"))))), false),
                new Route("POST /ingest/{source} pingdom", "/ingest/pingdom", "corpus-pingdom", pingdomBasic(),
                        n -> obj("check_id", "8832099", "check_name", q("corpus-pingdom"), "current_state",
                                q(gen.pick(List.of("DOWN", "UP", "FAILING", "SUCCESS"))), "previous_state", q("UP"),
                                "state_changed_timestamp", Long.toString(1_741_076_130L + n), "description",
                                q("HTTP Error 503")), false),
                new Route("POST /ingest/{source} azure-monitor", "/ingest/azure", "corpus-azure", senderToken,
                        n -> obj("schemaId", q("azureMonitorCommonAlertSchema"), "data", obj("essentials",
                                obj("alertId", q("/subscriptions/corpus/alerts/" + n), "alertRule", q("corpus-azure"),
                                        "severity", q("Sev1"), "monitorCondition", q("Fired"), "firedDateTime",
                                        now(), "description", q("Connection state is not Connected")))), false),
                new Route("POST /ingest/heartbeat/{check}", "/ingest/heartbeat/corpus-heartbeat", "corpus-heartbeat",
                        bearer(TestEnvironment.BACKUP_TOKEN), n -> obj(), true),
                new Route("POST /ingest/heartbeat/{check}?status&msg", "/ingest/heartbeat/corpus-heartbeat?status=down"
                        + "&msg=backup%20failed", "corpus-heartbeat", bearer(TestEnvironment.BACKUP_TOKEN),
                        n -> obj(), true));
    }

    private Map<String, Object> alertGroup(String check, int n) {
        Map<String, Object> alert = obj("status", q(gen.pick(List.of("firing", "resolved"))),
                "labels", obj("alertname", q("CorpusAlert"), "herald_check", q(check), "severity", q("critical")),
                "annotations", obj("summary", q("2 of 5 endpoints fail")), "startsAt", now(), "endsAt",
                q("0001-01-01T00:00:00Z"), "fingerprint", q("f" + n));
        return obj("version", q("4"), "status", q("firing"), "receiver", q("herald"), "alerts", List.of(alert));
    }

    // ---- credentials

    private Auth bearer(String token) {
        return (body, wrong) -> {
            if (!wrong) {
                return Map.of("Authorization", "Bearer " + token);
            }
            String bad = gen.pick(List.of("", "Bearer", "Bearer ", "Bearer " + token + "x", "Bearer " + token.toUpperCase(),
                    "Basic " + token, "bearer  " + gen.text().replaceAll("[\\r\\n\\u0000-\\u001f]", ""), "Bearer %00",
                    "Bearer " + "a".repeat(5_000)));
            return bad.isEmpty() ? Map.of() : Map.of("Authorization", bad);
        };
    }

    private Auth pingdomBasic() {
        String good = Base64.getEncoder().encodeToString(bytes(TestEnvironment.SENDER_USER_PASSWORD));
        return (body, wrong) -> {
            if (!wrong) {
                return Map.of("Authorization", "Basic " + good);
            }
            String bad = gen.pick(List.of("", "Basic", "Basic " + good + "=", "Basic !!!notbase64",
                    "Basic " + Base64.getEncoder().encodeToString(bytes("pingdom:wrong")),
                    "Basic " + Base64.getEncoder().encodeToString(bytes("pingdom")),
                    "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, ':'}),
                    "Bearer " + TestEnvironment.SENDER_TOKEN));
            return bad.isEmpty() ? Map.of() : Map.of("Authorization", bad);
        };
    }

    private Auth hmacHex(String header, String prefix, String secret) {
        return (body, wrong) -> {
            String good = prefix + HexFormat.of().formatHex(hmac(bytes(secret), body));
            if (!wrong) {
                return Map.of(header, good);
            }
            String bad = gen.pick(List.of("", prefix, good + "0", good.substring(0, good.length() - 2),
                    prefix + HexFormat.of().formatHex(hmac(bytes(secret + "x"), body)), prefix + "zz".repeat(32),
                    prefix.isEmpty() ? "sha256=" + good : good.replace("v1=", "v2="), prefix + "0".repeat(64)));
            return bad.isEmpty() ? Map.of() : Map.of(header, bad);
        };
    }

    /** Standard Webhooks; a wrong delivery is badly signed or signed correctly with a time outside the tolerance. */
    private Auth standardWebhooks() {
        byte[] key = Base64.getDecoder().decode(TestEnvironment.STANDARD_SECRET.substring("whsec_".length()));
        return (body, wrong) -> {
            String id = "msg_corpus_" + serial;
            long now = Instant.now().getEpochSecond();
            String timestamp = Long.toString(now);
            if (wrong && gen.chance(0.6)) {
                // Long.MIN_VALUE + now makes now - timestamp overflow to Long.MIN_VALUE, whose Math.abs is negative.
                String absurd = gen.pick(List.of(Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE),
                        Long.toString(Long.MIN_VALUE + now), Long.toString(now - 3_600), Long.toString(now + 3_600),
                        "1e15", "1000000000000000", "-1", "0", " ", "9999-12-31T23:59:59Z", "+" + (now + 3_600),
                        now + ".5", "NaN"));
                return headers(id, absurd, "v1," + Base64.getEncoder().encodeToString(hmac(key,
                        concat(bytes(id + "." + absurd + "."), body))));
            }
            String good = "v1," + Base64.getEncoder().encodeToString(hmac(key, concat(bytes(id + "." + timestamp
                    + "."), body)));
            if (!wrong) {
                return headers(id, timestamp, good);
            }
            return gen.oneOf(() -> headers(id, timestamp, "v1," + Base64.getEncoder().encodeToString(new byte[32])),
                    () -> headers(id, timestamp, "v1a," + good.substring(3)),
                    () -> headers(id, timestamp, "v1,%%%notbase64"),
                    () -> headers(id + "x", timestamp, good),
                    () -> Map.of("webhook-id", id, "webhook-timestamp", timestamp),
                    () -> Map.of("webhook-timestamp", timestamp, "webhook-signature", good),
                    () -> Map.of());
        };
    }

    private static Map<String, String> headers(String id, String timestamp, String signature) {
        return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
    }

    private static Map<String, String> json() {
        return Map.of("Content-Type", "application/json");
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
