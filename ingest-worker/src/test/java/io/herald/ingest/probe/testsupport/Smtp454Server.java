package io.herald.ingest.probe.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Speaks real SMTP but answers STARTTLS with "454 4.7.0 TLS not available", the answer of a server whose TLS is
 * broken right now. Postfix stops announcing STARTTLS when its TLS setup fails, so it cannot produce this case.
 */
public final class Smtp454Server implements AutoCloseable {

    private final ServerSocket server;

    public Smtp454Server() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "smtp-454");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                converse(socket);
            } catch (IOException closed) {
                // next connection, or the server was closed
            }
        }
    }

    private static void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        send(out, "220 broken.herald.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                send(out, "250-broken.herald.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME");
            } else if (command.startsWith("STARTTLS")) {
                send(out, "454 4.7.0 TLS not available");
            } else if (command.startsWith("QUIT")) {
                send(out, "221 2.0.0 Bye");
                return;
            } else {
                send(out, "502 5.5.2 Error: command not recognized");
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
