package io.herald.api.status;

import io.herald.http.EntityTags;
import io.herald.api.http.CachedBody;
import io.herald.api.http.HttpCaching;
import io.herald.api.http.PublicCors;
import io.herald.api.read.PageBodies;
import io.herald.api.read.ReadModel;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Function;

/**
 * The hottest reads (GET of summary.json, status.json, components.json and the native /api/v1/status) as plain Vert.x
 * routes ahead of RESTEasy: the precomputed bytes are wrapped, not copied, and written on the event loop, without
 * RESTEasy's per-request machinery. The RESTEasy resources behind them still describe these paths in /q/openapi and
 * answer every other method (405 problem). Any origin may read them (the CORS headers are constants set like the
 * others, no filter runs).
 */
@ApplicationScoped
public class HotReadRoutes {
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final ReadModel readModel;
    private final CharSequence cacheControl;

    HotReadRoutes(ReadModel readModel, HttpCaching caching) {
        this.readModel = readModel;
        this.cacheControl = HttpHeaders.createOptimized(caching.cacheControl());
    }

    void routes(@Observes Router router) {
        route(router, "/api/v2/summary.json", PageBodies::summary);
        route(router, "/api/v2/status.json", PageBodies::status);
        route(router, "/api/v2/components.json", PageBodies::components);
        route(router, "/api/v1/status", PageBodies::nativeStatus);
    }

    private void route(Router router, String path, Function<PageBodies, CachedBody> body) {
        router.get(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(context -> answer(context, body.apply(readModel.page())));
    }

    private void answer(RoutingContext context, CachedBody body) {
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, body.etag());
        headers.set(HttpHeaders.CACHE_CONTROL, cacheControl);
        PublicCors.allowAnyOrigin(headers);
        if (EntityTags.matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), body.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        headers.set(HttpHeaders.CONTENT_TYPE, JSON);
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(body.bytes())));
    }
}
