package io.herald.web.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for status-api on a real port: GET /api/v1/status answers the document set by the test,
 * GET /api/v1/stream holds an SSE stream the test pushes change events into; any other GET answers the JSON the
 * test set for its path (uptime, incidents, latency), else 404.
 */
public final class FakeStatusApi {
    public static final int PORT = 18180;
    private static FakeStatusApi shared;

    private final Vertx vertx = Vertx.vertx();
    private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();
    private final List<String> lastEventIdHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** A request the fake received on a write or admin endpoint. */
    public record Call(String method, String path, String authorization, String body) {
    }

    private record Answer(int status, String body) {
    }
    private volatile String statusJson;
    private volatile int statusFetches;
    private HttpServer server;

    private FakeStatusApi() {
    }

    /** One fake per test JVM, started on first use. */
    public static synchronized FakeStatusApi shared() {
        if (shared == null) {
            shared = new FakeStatusApi();
        }
        shared.start();
        return shared;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        HttpServer created = vertx.createHttpServer().requestHandler(request -> {
            if (request.method() != io.vertx.core.http.HttpMethod.GET || request.path().startsWith("/api/v1/admin/")) {
                request.body().onSuccess(body -> {
                    String key = request.method() + " " + request.path();
                    calls.add(new Call(request.method().name(), request.path(), request.getHeader("Authorization"),
                            body.toString()));
                    Answer answer = answers.get(key);
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
        await(created.listen(PORT, "127.0.0.1"));
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

    /** Answers "METHOD /path" (POST, PUT, DELETE or any admin GET) with this status and JSON body. */
    public void answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json));
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
        String data = "{\"id\":\"" + id + "\",\"change\":{\"component\":\"" + component + "\",\"from\":"
                + (from == null ? "null" : "\"" + from + "\"") + ",\"to\":\"" + to
                + "\",\"at\":\"2025-11-26T10:00:00Z\",\"cause\":\"test\",\"detail\":\"\"}}";
        String frame = "id: " + id + "\nevent: change\ndata: " + data + "\n\n";
        streams.forEach(response -> response.write(frame));
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
