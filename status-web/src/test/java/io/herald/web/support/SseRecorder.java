package io.herald.web.support;

import io.herald.web.view.SseEvent;
import io.herald.web.view.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A browser's EventSource, as far as a test needs one: records every event of a text/event-stream. */
public final class SseRecorder implements AutoCloseable {
    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    public SseRecorder(URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        SseParser parser = new SseParser(events::add);
        reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream body = response.body()) {
                int read;
                while ((read = body.read(buffer)) >= 0) {
                    parser.feed(Arrays.copyOf(buffer, read));
                }
            } catch (IOException closed) {
                // close() ends the read.
            }
        }, "sse-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    public List<SseEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
