package io.herald.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A plain HTTP client reading server-sent events line by line, as a browser's EventSource would. */
public final class SseClient implements AutoCloseable {
    public record Event(String id, String name, String data) {
    }

    /** Status change events; incident and maintenance events go to {@link #pageEvents}. */
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Event> pageEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final CompletableFuture<Void> reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = CompletableFuture.runAsync(this::read);
    }

    public static SseClient open(URI uri, String lastEventId) throws Exception {
        return openWith(uri, lastEventId == null ? java.util.Map.of() : java.util.Map.of("Last-Event-ID", lastEventId));
    }

    /** Opens the stream sending these request headers (Last-Event-ID, Origin...). */
    public static SseClient openWith(URI uri, java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseClient(response);
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + timeout);
        }
        return event;
    }

    /** The next incident or maintenance event. */
    public Event nextPageEvent(Duration timeout) throws InterruptedException {
        Event event = pageEvents.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no incident or maintenance event within " + timeout);
        }
        return event;
    }

    public Event poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public List<String> commentsWithin(Duration timeout) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String comment = comments.poll(50, TimeUnit.MILLISECONDS);
            if (comment != null) {
                seen.add(comment);
            }
        }
        return seen;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.isEmpty()) {
                if (data != null) {
                    Event event = new Event(id, name, data.toString());
                    if ("incident".equals(name) || "maintenance".equals(name)) {
                        pageEvents.add(event);
                    } else {
                        events.add(event);
                    }
                }
                id = null;
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                comments.add(line.substring(1).trim());
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.cancel(true);
    }
}
