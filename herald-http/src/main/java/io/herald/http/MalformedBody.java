package io.herald.http;

import io.herald.model.HeraldJson;
import io.herald.model.problem.Problem;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.InvalidChunkExtensionException;
import io.netty.handler.codec.http.InvalidChunkTerminationException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;

/**
 * Answers 400 (problem+json, then the connection closes) to a request whose chunked body Netty cannot decode: a chunk
 * size that is not hexadecimal, chunk data not followed by CRLF (a chunk longer or shorter than its size said). On its
 * own Vert.x closes the connection without a word. The request's exception handler is the one place that hears of the
 * failure; it runs while the connection is reading, just before Vert.x closes the channel.
 */
public final class MalformedBody {

    /** Right after Quarkus' own first routes (access log, body handler), before any route that reads a body. */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE + 2;

    private MalformedBody() {
    }

    /** Watches every request with a chunked body. */
    public static void install(Router router) {
        router.route().order(ROUTE_ORDER).handler(context -> {
            watch(context.request());
            context.next();
        });
    }

    /** Only chunked framing can be malformed once the headers are read: a short Content-Length body ends in a close. */
    public static void watch(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            request.exceptionHandler(failure -> answer(request, failure));
        }
    }

    static void answer(HttpServerRequest request, Throwable failure) {
        HttpServerResponse response = request.response();
        if (failure instanceof HttpClosedException || response.ended() || response.headWritten()) {
            return;
        }
        Problem problem = Problem.ofStatus(400, "The request body is malformed: " + why(failure) + ". Send "
                + "Transfer-Encoding: chunked as chunks of a hexadecimal size, CRLF, exactly that many bytes and CRLF, "
                + "ending with a chunk of size 0 (or send Content-Length instead).");
        response.setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Buffer.buffer(HeraldJson.write(problem)));
        // Vert.x holds writes back while it reads and closes the channel right after this handler: without a flush
        // the answer would be dropped with the connection.
        if (request.connection() instanceof ConnectionBase connection) {
            connection.flush();
        }
    }

    // Netty's messages are fixed sentences, but say it in Herald's words and never echo the sender's bytes.
    private static String why(Throwable failure) {
        if (failure instanceof NumberFormatException) {
            return "a chunk size is not a hexadecimal number";
        }
        if (failure instanceof InvalidChunkTerminationException) {
            return "a chunk's data is not followed by CRLF (it is longer or shorter than its size said)";
        }
        if (failure instanceof InvalidChunkExtensionException) {
            return "a chunk size line has a malformed extension";
        }
        if (failure instanceof TooLongFrameException) {
            return "a chunk size line or a trailer is too long";
        }
        return "its chunked framing cannot be read";
    }
}
