package io.herald.system.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in for status-api for the pages whose data the real one may not serve yet (incidents, maintenance):
 * GET paths answer the JSON the test set (other methods only what {@link #answer} set); /api/v1/stream holds SSE
 * connections the test pushes events into.
 */
final class FakeStatusApi implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();

    FakeStatusApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void serve(String path, String json) {
        documents.put(path, json);
    }

    /** Answers "METHOD /path" (a sign-in POST, say) with this status and JSON, before any document of that path. */
    void answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, Map.entry(status, json));
    }

    /** Sends an SSE event to every open stream; a broken one is dropped. */
    void push(String type, String id, String data) {
        byte[] frame = ("id: " + id + "\nevent: " + type + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream stream : streams) {
            try {
                stream.write(frame);
                stream.flush();
            } catch (IOException gone) {
                streams.remove(stream);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/v1/stream")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            streams.add(body);
            return;
        }
        Map.Entry<Integer, String> answer = answers.get(exchange.getRequestMethod() + " " + path);
        if (answer != null) {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.getKey(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(bytes);
            }
            return;
        }
        String json = documents.get(path);
        if (json == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
