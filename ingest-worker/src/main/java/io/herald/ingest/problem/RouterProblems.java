package io.herald.ingest.problem;

import io.herald.http.MalformedBody;
import io.herald.model.HeraldJson;
import io.herald.model.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers in problem+json what Quarkus would refuse with an empty body before any resource sees it: a body whose
 * Content-Length is over quarkus.http.limits.max-body-size (Quarkus's own check runs at route order -2, this one
 * just before it), and a request without a Host header (the router's 400, which Quarkus would answer with the
 * exception's stack).
 */
@Singleton
public class RouterProblems {
    /** Before Quarkus's body-size route (order -2) and after MalformedBody's watch. */
    static final int ROUTE_ORDER = MalformedBody.ROUTE_ORDER + 1;

    private final long maxBodySize;

    public RouterProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(context -> {
            if (declaredLength(context) > maxBodySize) {
                // The body is not read: close once the answer is out, instead of waiting for bytes nobody wants.
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                answer(context, Problem.ofStatus(413, "The body has " + declaredLength(context) + " bytes; this "
                        + "server reads at most " + maxBodySize + " bytes of a request."))
                        .onComplete(sent -> context.request().connection().close());
            } else {
                context.next();
            }
        });
        // The router fails a request without a Host header with 400 before any route; Quarkus's own failure page
        // would show the exception and its stack.
        router.route().order(ROUTE_ORDER).failureHandler(context -> {
            if (context.statusCode() == 400 && context.failure() instanceof VertxException) {
                answer(context, Problem.ofStatus(400, "The request cannot be read: send an HTTP/1.1 request with a "
                        + "Host header and an address of the form /ingest/<source>."));
            } else {
                context.next();
            }
        });
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Future<Void> answer(RoutingContext context, Problem problem) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(HeraldJson.write(problem)));
    }
}
