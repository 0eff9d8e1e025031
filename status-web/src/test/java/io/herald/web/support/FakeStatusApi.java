package io.herald.web.support;

import io.herald.model.ComponentStatus;
import io.herald.model.LiveNotice;
import io.herald.model.StatusChange;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for status-api on a real port: GET /api/v1/status answers the document set by the test,
 * GET /api/v1/stream holds an SSE stream the test pushes change events into; any other GET answers the JSON the
 * test set for its path (uptime, incidents, latency), else 404. Like status-api it keeps operators' sessions: a
 * session answer (201 with a token) to a login makes the token live, GET /api/v1/auth/sessions/current describes it
 * (401 once unknown), DELETE /api/v1/auth/sessions/current ends it.
 */
public final class FakeStatusApi {
    public static final int PORT = 18180;
    /** A change id later than every id the tests use: the change status-web missed, in {@link #announceGap}. */
    static final String GAP_CURSOR = "99999999999999-0";
    private static FakeStatusApi shared;

    /** The details of the last change pushed per component, which a refresh carries on. */
    private final Map<String, String> details = new ConcurrentHashMap<>();
    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
    private final List<String> lastEventIdHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> liveSessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingGets = new ConcurrentHashMap<>();
    /** For {@link #failGets}: the connection is closed without an answer, as by a status-api that crashes. */
    public static final int CLOSE = -1;

    /** A request the fake received on a write or admin endpoint; path and query as sent (still percent-encoded). */
    public record Call(String method, String path, String authorization, String body, String query) {
    }

    private record Answer(int status, String body) {
    }
    private volatile String statusJson;
    private volatile int statusFetches;
    private HttpServer server;

    private final int port;

    private FakeStatusApi(int port) {
        this.port = port;
    }

    /** One fake per test JVM, started on first use. */
    public static synchronized FakeStatusApi shared() {
        if (shared == null) {
            shared = new FakeStatusApi(PORT);
        }
        shared.start();
        return shared;
    }

    /**
     * A fake of its own on another port, for a test profile: Quarkus loads such a test's classes anew, so the shared
     * fake of the other tests (still holding its port) is not this class's.
     */
    public static FakeStatusApi startOn(int port) {
        FakeStatusApi fake = new FakeStatusApi(port);
        fake.start();
        return fake;
    }

    /** A free port, the same for every class loader of this JVM once chosen under this name. */
    public static synchronized int portFor(String name) {
        String key = "herald.test.port." + name;
        String chosen = System.getProperty(key);
        if (chosen == null) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                chosen = Integer.toString(socket.getLocalPort());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(key, chosen);
        }
        return Integer.parseInt(chosen);
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        HttpServer created = vertx.createHttpServer().requestHandler(request -> {
            if (request.method() == io.vertx.core.http.HttpMethod.GET
                    && request.path().equals("/api/v1/auth/sessions/current")) {
                requests.merge(request.path(), 1, Integer::sum);
                String session = liveSessions.get(bearer(request.getHeader("Authorization")));
                if (session == null) {
                    request.response().setStatusCode(401).putHeader("Content-Type", "application/problem+json")
                            .end("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                    + "\"detail\":\"The bearer token is not valid (unknown, revoked or expired).\"}");
                } else {
                    request.response().putHeader("Content-Type", "application/json").end(session);
                }
                return;
            }
            if (request.method() != io.vertx.core.http.HttpMethod.GET || request.path().startsWith("/api/v1/admin/")) {
                request.body().onSuccess(body -> {
                    String key = request.method() + " " + request.path();
                    calls.add(new Call(request.method().name(), request.path(), request.getHeader("Authorization"),
                            body.toString(), request.query()));
                    Answer answer = answers.get(key);
                    if (key.equals("DELETE /api/v1/auth/sessions/current")) {
                        liveSessions.remove(bearer(request.getHeader("Authorization")));
                    }
                    if (answer != null && answer.status() == 201 && request.path().startsWith("/api/v1/auth/sessions")) {
                        openSession(answer.body(), request.path().endsWith("/oidc") ? "oidc" : "password");
                    }
                    if (answer == null) {
                        request.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                                .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route\"}");
                    } else {
                        request.response().setStatusCode(answer.status()).putHeader("Content-Type",
                                answer.status() >= 400 ? "application/problem+json" : "application/json").end(answer.body());
                    }
                });
                return;
            }
            Integer failure = failingGets.get(request.path());
            if (failure != null) {
                requests.merge(request.path(), 1, Integer::sum);
                if (failure == CLOSE) {
                    request.connection().close();
                } else {
                    request.response().setStatusCode(failure).putHeader("Content-Type", "application/problem+json")
                            .end("{\"type\":\"https://herald.io/problems/service-unavailable\",\"title\":\"Failing\","
                                    + "\"status\":" + failure + ",\"detail\":\"PostgreSQL is down\"}");
                }
                return;
            }
            switch (request.path()) {
                case "/api/v1/status" -> {
                    statusFetches++;
                    String body = statusJson;
                    if (body == null) {
                        request.response().setStatusCode(503).end();
                    } else {
                        request.response().putHeader("Content-Type", "application/json").end(body);
                    }
                }
                case "/api/v1/stream" -> {
                    lastEventIdHeaders.add(String.valueOf(request.getHeader("Last-Event-ID")));
                    HttpServerResponse response = request.response()
                            .setChunked(true)
                            .putHeader("Content-Type", "text/event-stream");
                    streams.add(response);
                    response.closeHandler(v -> streams.remove(response));
                    response.write(": connected\n\n");
                }
                default -> {
                    requests.merge(request.path(), 1, Integer::sum);
                    String body = documents.get(request.path());
                    if (body == null) {
                        request.response().setStatusCode(404).end();
                    } else {
                        request.response().putHeader("Content-Type", "application/json").end(body);
                    }
                }
            }
        });
        await(created.listen(port, "127.0.0.1"));
        server = created;
    }

    /** Closes the port and every open stream, as a crashed status-api would. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        streams.forEach(response -> response.reset());
        streams.clear();
        await(server.close());
        server = null;
    }

    public void status(String json) {
        statusJson = json;
    }

    /** Serves this JSON at this path (query ignored); null stops serving it (404). */
    public void serve(String path, String json) {
        if (json == null) {
            documents.remove(path);
        } else {
            documents.put(path, json);
        }
    }

    /**
     * Makes every GET of this path (query ignored) fail, as status-api does when PostgreSQL is down: answered with
     * this HTTP status and a problem, or, for {@link #CLOSE}, the connection closed unanswered; null serves it again.
     */
    public void failGets(String path, Integer failure) {
        if (failure == null) {
            failingGets.remove(path);
        } else {
            failingGets.put(path, failure);
        }
    }

    /** Answers "METHOD /path" (POST, PUT, DELETE or any admin GET) with this status and JSON body. */
    public void answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json));
    }

    private void openSession(String answer, String method) {
        io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject(answer);
        String token = json.getString("token");
        if (token != null) {
            liveSessions.put(token, new io.vertx.core.json.JsonObject().put("username", json.getString("username"))
                    .put("display_name", json.getString("display_name")).put("scopes", json.getValue("scopes"))
                    .put("method", method).put("created_at", java.time.Instant.now().toString())
                    .put("expires_at", json.getString("expires_at")).encode());
        }
    }

    /** Ends a session as status-api would when it expires or is revoked elsewhere. */
    public void endSession(String token) {
        liveSessions.remove(token);
    }

    /** Makes a live session look this much older, as if opened that long ago. */
    public void ageSession(String token, java.time.Duration age) {
        liveSessions.computeIfPresent(token, (t, json) -> {
            io.vertx.core.json.JsonObject session = new io.vertx.core.json.JsonObject(json);
            return session.put("created_at", java.time.Instant.parse(session.getString("created_at")).minus(age)
                    .toString()).encode();
        });
    }

    public boolean sessionLives(String token) {
        return liveSessions.containsKey(token);
    }

    private static String bearer(String authorization) {
        return authorization == null || !authorization.startsWith("Bearer ") ? "" : authorization.substring(7);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The last request with this method to this path, or null. */
    public Call lastCall(String method, String path) {
        Call last = null;
        for (Call call : calls) {
            if (call.method().equals(method) && call.path().equals(path)) {
                last = call;
            }
        }
        return last;
    }

    /** How many write or admin requests the fake received on this path (query strings are not part of it). */
    public long callsTo(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).count();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** How many GET requests this path received. */
    public int requests(String path) {
        return requests.getOrDefault(path, 0);
    }

    /** Sends one event of any type (incident, maintenance) to every open stream. */
    public void pushEvent(String type, String id, String data) {
        String frame = "id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n";
        streams.forEach(response -> response.write(frame));
    }

    /** Sends one change event to every open stream, in the wire format of status-api. */
    public void pushChange(String id, String component, String from, String to) {
        pushChange(id, component, from, to, "2025-11-26T10:00:00Z", "");
    }

    /** The same, with the time of the change and the failing checks' details. */
    public void pushChange(String id, String component, String from, String to, String at, String detail) {
        details.put(component, detail);
        String data = new LiveNotice(id, new StatusChange(component, from == null ? null : ComponentStatus.fromWire(from),
                ComponentStatus.fromWire(to), Instant.parse(at), "test", detail)).encode();
        String frame = "id: " + id + "\nevent: change\ndata: " + data + "\n\n";
        streams.forEach(response -> response.write(frame));
    }

    /**
     * A change with its staleness; from equal to to is a refresh: only the staleness changed. It carries the failing
     * checks' details as the last change of the component did, as the evaluator's refresh does.
     */
    public void pushChange(String id, String component, String from, String to, String at, boolean stale,
            String staleDetail) {
        String data = new LiveNotice(id, new StatusChange(component, ComponentStatus.fromWire(from),
                ComponentStatus.fromWire(to), Instant.parse(at), "test", details.getOrDefault(component, ""), stale,
                staleDetail)).encode();
        String frame = "id: " + id + "\nevent: change\ndata: " + data + "\n\n";
        streams.forEach(response -> response.write(frame));
    }

    /**
     * Makes status-web read /api/v1/status again, as it must after a gap: an incident event (a whole one, of an
     * incident already resolved) whose id names a change status-web never received. Tests call it after setting a
     * document that no change on the stream leads to.
     */
    public void announceGap() {
        String resolved = "{\"id\":\"0\",\"name\":\"Resolved long ago\",\"status\":\"resolved\",\"impact\":\"none\","
                + "\"created_at\":\"2025-01-01T00:00:00Z\",\"updated_at\":\"2025-01-01T00:00:00Z\","
                + "\"resolved_at\":\"2025-01-01T00:00:00Z\",\"incident_updates\":[],\"components\":[]}";
        pushEvent("incident", "inc-0-1." + GAP_CURSOR, resolved);
    }

    /** Ends every open stream as a proxy or a restarted status-api would, the server staying up. */
    public void dropStreams() {
        streams.forEach(response -> response.reset());
        streams.clear();
    }

    /** Every GET this fake answered so far, on any path. */
    public int gets() {
        return statusFetches + requests.values().stream().mapToInt(Integer::intValue).sum();
    }

        public int openStreams() {
        return streams.size();
    }

    public List<String> lastEventIdHeaders() {
        return List.copyOf(lastEventIdHeaders);
    }

    public int statusFetches() {
        return statusFetches;
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake status-api: " + e.getMessage(), e);
        }
    }
}
