package io.herald.web.view;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the bytes of a text/event-stream into events, following the WHATWG "event stream interpretation":
 * lines end with CRLF, LF or CR (possibly split across chunks), ':' starts a comment, a blank line
 * dispatches, and the last event id persists from one event to the next.
 */
public final class SseParser {
    /** A line longer than this is a broken or hostile upstream, not a status event. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final Consumer<SseEvent> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId;
    private boolean previousWasCr;
    private boolean firstLine = true;

    public SseParser(Consumer<SseEvent> sink) {
        this.sink = sink;
    }

    public void feed(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' && previousWasCr) {
                previousWasCr = false;
                continue;
            }
            previousWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endOfLine();
            } else {
                if (line.size() >= MAX_LINE_BYTES) {
                    throw new IllegalStateException("event stream line longer than " + MAX_LINE_BYTES + " bytes");
                }
                line.write(b);
            }
        }
    }

    public String lastEventId() {
        return lastEventId;
    }

    private void endOfLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (firstLine && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        firstLine = false;
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value.isEmpty() ? null : value;
                }
            }
            default -> {
                // "retry" and unknown fields: our reconnect backoff is our own.
            }
        }
    }

    private void dispatch() {
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        String payload = data.substring(0, data.length() - 1);
        String type = eventType.isEmpty() ? "message" : eventType;
        data.setLength(0);
        eventType = "";
        sink.accept(new SseEvent(lastEventId, type, payload));
    }
}
