package io.herald.web.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request sent exactly as written (no HTTP client would send "%zz", a bad charset or a raw escape on as is). */
public final class RawHttp {
    private RawHttp() {
    }

    /** The answer's status; headers are "Name: value" lines without CRLF. */
    public static int status(String method, String target, String body, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 18080)) {
            socket.setSoTimeout(10_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:18080\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(content);
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            if (line == null || !line.startsWith("HTTP/1.1 ")) {
                throw new IOException("no status line for " + method + " " + target + ": " + line);
            }
            return Integer.parseInt(line.substring(9, 12));
        }
    }
}
