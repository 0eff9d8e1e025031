package io.herald.api.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Cross-origin access to the public reads, as Statuspage gives it: any origin may read them
 * ({@code Access-Control-Allow-Origin: *}, the same answer for every origin, so no {@code Vary: Origin}), and a
 * preflight for them is answered here (GET, HEAD, OPTIONS; the headers a reader sends). Nothing else (admin, sign-in,
 * sessions, subscribers) ever gets an Access-Control-Allow header, so a browser refuses a cross-origin call to them.
 * The hot GET routes add the two headers themselves ({@link #allowAnyOrigin}); every other public read gets them from
 * a route ahead of RESTEasy, which also answers errors and the event stream.
 */
@ApplicationScoped
public class PublicCors {
    /** Every public read path: the Statuspage v2 bodies and Herald's native v1 reads and stream. */
    public static final Pattern PUBLIC_READS = Pattern.compile("/api/(?:v2/(?:summary|status|components|incidents"
            + "|incidents/unresolved|scheduled-maintenances|scheduled-maintenances/upcoming"
            + "|scheduled-maintenances/active)\\.json|v1/(?:status|stream|uptime/days|(?:incidents|maintenances)"
            + "(?:/[^/]+)?|components/[^/]+/(?:history|uptime)|checks/[^/]+/latency))");

    private static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    private static final CharSequence EXPOSE_HEADERS = HttpHeaders.createOptimized("Access-Control-Expose-Headers");
    private static final CharSequence ALLOW_METHODS = HttpHeaders.createOptimized("Access-Control-Allow-Methods");
    private static final CharSequence ALLOW_HEADERS = HttpHeaders.createOptimized("Access-Control-Allow-Headers");
    private static final CharSequence MAX_AGE = HttpHeaders.createOptimized("Access-Control-Max-Age");
    private static final CharSequence ANY = HttpHeaders.createOptimized("*");
    /** Beyond the safelisted ones: the tag to send back in If-None-Match, and when to retry a 429 or 503. */
    private static final CharSequence EXPOSED = HttpHeaders.createOptimized("ETag, Retry-After");
    private static final CharSequence METHODS = HttpHeaders.createOptimized("GET, HEAD, OPTIONS");
    private static final CharSequence READER_HEADERS = HttpHeaders.createOptimized(
            "Accept, Cache-Control, If-None-Match, Last-Event-ID");
    /** A day: browsers cap it lower (Chromium 2 h), so a page preflights a path at most that often. */
    private static final CharSequence ONE_DAY = HttpHeaders.createOptimized("86400");

    /** The headers that let a page of any origin read this answer and its ETag. */
    public static void allowAnyOrigin(MultiMap headers) {
        headers.set(ALLOW_ORIGIN, ANY);
        headers.set(EXPOSE_HEADERS, EXPOSED);
    }

    void routes(@Observes Router router) {
        // After the hot GET routes (which end the answer themselves), before RESTEasy.
        int order = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1;
        router.routeWithRegex(HttpMethod.OPTIONS, PUBLIC_READS.pattern()).order(order).handler(PublicCors::preflight);
        router.routeWithRegex(PUBLIC_READS.pattern()).order(order).handler(context -> {
            allowAnyOrigin(context.response().headers());
            context.next();
        });
    }

    private static void preflight(RoutingContext context) {
        MultiMap headers = context.response().headers();
        allowAnyOrigin(headers);
        headers.set(ALLOW_METHODS, METHODS);
        headers.set(ALLOW_HEADERS, READER_HEADERS);
        headers.set(MAX_AGE, ONE_DAY);
        headers.set(HttpHeaders.ALLOW, METHODS);
        context.response().setStatusCode(204).end();
    }
}
