package io.herald.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An SSE client of status-api's /api/v1/stream that behaves as a browser's EventSource: it remembers the id of the
 * last event it got and, whenever the stream ends or cannot be opened, opens it again with that id as Last-Event-ID
 * (after a short retry delay). It records the id of every change event in the order received, and its data with
 * the time it arrived.
 */
public final class SseRecorder implements AutoCloseable {
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    public final List<String> changeIds = new CopyOnWriteArrayList<>();
    /** Each change event's data (a StatusChange's JSON), in the order received. */
    public final List<Received> changes = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    private volatile String lastEventId;
    private volatile boolean closed;
    private volatile Stream<String> open;
    /** Its own thread: reading the stream blocks it for as long as the stream is open. */
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sse-recorder");
        thread.setDaemon(true);
        return thread;
    });

    /** @param resumeAfter the id to give as Last-Event-ID on the first connection */
    /** A change event's data and when it arrived ({@link System#nanoTime()}). */
    public record Received(String data, long nanos) {
    }

    public SseRecorder(String apiUrl, String resumeAfter) {
        this.url = apiUrl + "/api/v1/stream";
        this.lastEventId = resumeAfter;
    }

    public SseRecorder start() {
        reader.execute(this::connect);
        return this;
    }

    private void connect() {
        if (closed) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() == 200) {
                connections.incrementAndGet();
                open = response.body();
                read(response.body());
            } else {
                response.body().close();
            }
        } catch (IOException | RuntimeException ended) {
            // status-api went away or is not back yet: open the stream again below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!closed) {
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, reader).execute(this::connect);
        }
    }

    private void read(Stream<String> lines) {
        String[] id = {null};
        String[] event = {null};
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (id[0] != null) {
                    lastEventId = id[0];
                    if ("change".equals(event[0])) {
                        changeIds.add(id[0]);
                        changes.add(new Received(data.toString(), System.nanoTime()));
                    }
                }
                id[0] = null;
                event[0] = null;
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
            } else if (line.startsWith("id:")) {
                id[0] = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                event[0] = line.substring(6).strip();
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> stream = open;
        if (stream != null) {
            stream.close();
        }
        reader.shutdownNow();
    }
}
