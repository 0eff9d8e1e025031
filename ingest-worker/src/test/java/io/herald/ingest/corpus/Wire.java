package io.herald.ingest.corpus;

import io.herald.http.corpus.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the corpus needs beyond RawHttp: a client that reads while it sends, and which requests Netty refuses. */
final class Wire {
    /** Netty's default (quarkus.http.limits.max-initial-line-length) for the request line. */
    private static final int MAX_INITIAL_LINE = 4096;

    private Wire() {
    }

    /**
     * Sends a large request while reading the answer, as an HTTP client does: a server that refuses the body early
     * (413) and closes is heard, instead of the writer failing with a broken pipe before it reads anything.
     */
    static RawHttp.Answer exchangeWhileSending(int port, byte[] request, Duration timeout) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(request);
                    socket.getOutputStream().flush();
                } catch (IOException closedEarly) {
                    // the server answered and closed before the whole body was sent: its answer is what counts
                }
            }, "corpus-writer");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    got.write(buffer, 0, n);
                }
            } catch (IOException resetOrTimeout) {
                if (got.size() == 0) {
                    return new RawHttp.Answer(-1, Map.of(), new byte[0], "no answer: " + resetOrTimeout.getMessage());
                }
            }
            return parse(got.toByteArray());
        } catch (IOException e) {
            return new RawHttp.Answer(-1, Map.of(), new byte[0], "cannot connect: " + e.getMessage());
        }
    }

    /**
     * A request refused with an empty answer before any code of Herald's runs: Netty's decoder (a request line longer
     * than it reads: 414; a header holding a control character: 400), Quarkus's URI check, or RESTEasy's cut-off of a
     * chunked body over the server's limit.
     */
    static boolean refusedByTheHttpDecoder(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 70_000), StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        if (lineEnd < 0 || lineEnd > MAX_INITIAL_LINE) {
            return true;
        }
        // Quarkus's root handler answers an empty 400 to a target java.net.URI cannot parse (a malformed percent
        // escape, a raw space, brace or quote), before any route runs (docs/bad-input.md).
        try {
            new java.net.URI(text.substring(text.indexOf(' ') + 1, text.lastIndexOf(' ', lineEnd)));
        } catch (java.net.URISyntaxException e) {
            return true;
        }
        // A chunked body over quarkus.http.limits.max-body-size is cut off by RESTEasy with an empty 413.
        if (text.contains("\r\nTransfer-Encoding: chunked\r\n") && request.length > 1_048_576) {
            return true;
        }
        int headEnd = text.indexOf("\r\n\r\n");
        String head = text.substring(lineEnd + 2, headEnd < 0 ? text.length() : headEnd);
        for (String line : head.split("\r\n")) {
            for (char c : line.toCharArray()) {
                if (c < 0x20 && c != '\t' || c == 0x7F) {
                    return true;
                }
            }
        }
        return false;
    }

    private static RawHttp.Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new RawHttp.Answer(-1, Map.of(), raw, "an answer without a complete head");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        String length = headers.get("content-length");
        if (length != null && body.length > Integer.parseInt(length)) {
            body = Arrays.copyOf(body, Integer.parseInt(length));
        }
        return new RawHttp.Answer(Integer.parseInt(lines[0].split(" ", 3)[1]), headers, body, null);
    }
}
