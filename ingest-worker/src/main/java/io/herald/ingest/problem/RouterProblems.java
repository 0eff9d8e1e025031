package io.herald.ingest.problem;

import io.herald.ingest.IngestConfig;
import io.herald.model.HeraldJson;
import io.herald.model.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Answers in problem+json the requests Vert.x refuses before any resource sees them: a path whose percent escapes
 * cannot be decoded (400, otherwise an empty body) and a body over the size read at all (413, otherwise empty too).
 */
@Singleton
public class RouterProblems {
    private final IngestConfig config;

    public RouterProblems(IngestConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.errorHandler(400, context -> answer(context, Problem.ofStatus(400, "The request cannot be read: its "
                + "address has a malformed percent escape (write % followed by two hexadecimal digits, and %25 for a "
                + "% itself) or it lacks a Host header.")));
        router.errorHandler(413, context -> answer(context, Problem.ofStatus(413, "The body is too large; the limit "
                + "is " + config.maxBodyBytes() + " bytes.")));
    }

    private static void answer(RoutingContext context, Problem problem) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(HeraldJson.write(problem)));
    }
}
