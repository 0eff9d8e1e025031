package io.herald.api.problem;

import io.herald.model.HeraldJson;
import io.herald.model.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A request Vert.x Web refuses before any resource sees it (a query string with a broken percent escape such as
 * {@code %zz}) is answered as a problem in words, like every other refusal, instead of a bare 400.
 */
@Singleton
public class RouteFailureRoute {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(RouteFailureRoute::answer);
    }

    static void answer(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status >= 500 || context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        Problem problem = status == 400 && context.failure() instanceof IllegalArgumentException
                ? Problem.ofStatus(400, "The request's address cannot be read: a percent escape in its path or query "
                        + "is malformed (write a literal % as %25).")
                : Problem.ofStatus(status, "The request was not accepted as sent (HTTP " + status + ").");
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(HeraldJson.write(problem));
    }
}
