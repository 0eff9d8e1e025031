package io.herald.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real Vert.x server with a route that reads the body, spoken to over a raw socket. */
class MalformedBodyTest {
    private static Vertx vertx;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        MalformedBody.install(router);
        router.post("/echo").handler(context -> {
            Buffer body = Buffer.buffer();
            context.request().handler(body::appendBuffer);
            context.request().endHandler(v -> context.response().end("read " + body.length() + " bytes"));
        });
        HttpServer server = vertx.createHttpServer().requestHandler(router);
        port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zz\\r\\nabc\\r\\n0\\r\\n\\r\\n       | a chunk size is not a hexadecimal number",
            "3\\r\\nabcdef\\r\\n0\\r\\n\\r\\n     | a chunk's data is not followed by CRLF",
            "5\\r\\nabc\\r\\n0\\r\\n\\r\\n        | a chunk's data is not followed by CRLF"})
    void shouldAnswer400InWordsAndCloseCleanly(String chunks, String why) throws IOException {
        String answer = exchange(chunks.replace("\\r\\n", "\r\n"));

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                .containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("connection: close")
                .contains("\"type\":\"https://herald.io/problems/bad-request\"")
                .contains("\"status\":400")
                .contains("The request body is malformed: " + why);
    }

    @Test
    void shouldLeaveAWellFormedChunkedBodyAlone() throws IOException {
        String answer = exchange("3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n", "Connection: close\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").endsWith("read 7 bytes");
    }

    private static String exchange(String chunks, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + String.join("", headers) + "Transfer-Encoding: chunked\r\n\r\n" + chunks)
                    .getBytes(StandardCharsets.US_ASCII));
            return readToTheEnd(socket.getInputStream());
        }
    }

    /** Everything until the server closes; a reset instead of a close fails the test with SocketException. */
    static String readToTheEnd(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            got.write(buffer, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
