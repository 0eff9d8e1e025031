package io.herald.web.live;

import io.herald.web.problem.ProblemMapper;
import io.herald.web.view.Language;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The browsers' live channel: one event named "view" per view change, the current view first. A plain Vert.x route
 * rather than a RESTEasy SSE resource, so that {@link LiveBroadcaster} can write one shared, already encoded buffer to
 * every connection (RESTEasy serialises each event again for each connection). Described in META-INF/openapi.yaml.
 */
@ApplicationScoped
public class LiveResource {
    private static final CharSequence EVENT_STREAM = HttpHeaders.createOptimized("text/event-stream");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");

    private final LiveBroadcaster broadcaster;

    LiveResource(LiveBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    void routes(@Observes Router router) {
        router.route("/events").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::events);
    }

    void events(RoutingContext context) {
        if (!HttpMethod.GET.equals(context.request().method())) {
            ProblemMapper.methodNotAllowed(context, "GET");
            return;
        }
        Language language = Language.ofTag(context.request().getParam("lang"));
        HttpServerResponse response = context.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, EVENT_STREAM)
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        broadcaster.join(response, language == null ? Language.EN : language);
    }
}
