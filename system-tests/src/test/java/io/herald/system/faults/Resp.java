package io.herald.system.faults;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Redis client for the tests' own checks, speaking RESP2 over one short-lived socket per command: it needs no
 * library, and a command sent while the test's redis-server is down fails at once with an IOException.
 */
final class Resp {
    private final int port;

    Resp(int port) {
        this.port = port;
    }

    /** The reply: a String, a Long, null, or a List of these; an error reply is thrown as an IOException. */
    Object call(String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.write(bytes);
                request.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        }
    }

    boolean ping() {
        try {
            return "PONG".equals(call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    long number(String... args) throws IOException {
        Object reply = call(args);
        return reply instanceof Long value ? value : Long.parseLong(String.valueOf(reply));
    }

    String string(String... args) throws IOException {
        Object reply = call(args);
        return reply == null ? null : String.valueOf(reply);
    }

    /** Every entry of a stream, in order, as id to fields, read in pages. */
    LinkedHashMap<String, Map<String, String>> range(String stream) throws IOException {
        LinkedHashMap<String, Map<String, String>> entries = new LinkedHashMap<>();
        String from = "-";
        while (true) {
            List<?> page = (List<?>) call("XRANGE", stream, from, "+", "COUNT", "5000");
            for (Object item : page) {
                List<?> entry = (List<?>) item;
                List<?> flat = (List<?>) entry.get(1);
                Map<String, String> fields = new LinkedHashMap<>();
                for (int i = 0; i + 1 < flat.size(); i += 2) {
                    fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
                }
                entries.put(String.valueOf(entry.get(0)), fields);
            }
            if (page.size() < 5000) {
                return entries;
            }
            from = "(" + ((List<?>) page.get(page.size() - 1)).get(0);
        }
    }

    /** The id of a stream's newest entry, or null when it is empty or missing. */
    String lastId(String stream) throws IOException {
        List<?> newest = (List<?>) call("XREVRANGE", stream, "+", "-", "COUNT", "1");
        return newest.isEmpty() ? null : String.valueOf(((List<?>) newest.get(0)).get(0));
    }

    /** The names of a stream's consumer groups (none when the stream is missing). */
    List<String> groups(String stream) throws IOException {
        List<String> names = new ArrayList<>();
        Object reply;
        try {
            reply = call("XINFO", "GROUPS", stream);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("no such key")) {
                return names;
            }
            throw e;
        }
        for (Object group : (List<?>) reply) {
            List<?> fields = (List<?>) group;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                if ("name".equals(fields.get(i))) {
                    names.add(String.valueOf(fields.get(i + 1)));
                }
            }
        }
        return names;
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException("Redis error: " + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length);
                in.readNBytes(2);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default:
                throw new IOException("Redis closed the connection or sent an unknown reply type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\r') {
                in.read();
                break;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
