package io.herald.api.subscriber;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A local webhook receiver (a Vert.x HTTP server in the test): per path it answers the statuses it is told, in
 * order (the last one repeats), optionally after a delay, and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String path, Map<String, List<String>> headers, String body, int answered, Instant at) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : values.get(0);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final Map<String, Integer> answered = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            int index = answered.merge(path, 1, Integer::sum) - 1;
            List<Integer> statuses = answers.getOrDefault(path, List.of(200));
            int status = statuses.get(Math.min(index, statuses.size() - 1));
            received.add(new Received(path, copy(request.headers()), body.toString(), status, Instant.now()));
            long delay = delays.getOrDefault(path, 0L);
            Runnable answer = () -> request.response().setStatusCode(status).end("{}");
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Answers these statuses to the path's requests, in order; the last one repeats. */
    void answer(String path, Integer... statuses) {
        answers.put(path, List.of(statuses));
        answered.remove(path);
    }

    void delay(String path, long millis) {
        delays.put(path, millis);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Received> all() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static Map<String, List<String>> copy(MultiMap headers) {
        Map<String, List<String>> copy = new HashMap<>();
        headers.forEach(entry -> copy.computeIfAbsent(entry.getKey().toLowerCase(), k -> new ArrayList<>())
                .add(entry.getValue()));
        return copy;
    }
}
