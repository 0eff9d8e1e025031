package io.herald.web.page;

import io.herald.http.PreparedBody;
import io.herald.http.EntityTags;
import io.herald.web.WebConfig;
import io.herald.http.PreparedBody.Representation;
import io.herald.web.problem.ProblemMapper;
import io.herald.web.view.Language;
import io.herald.web.view.StatusView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

/**
 * The public status page, the hottest path: a Vert.x route on the event loop that picks prepared bytes (language, then
 * encoding) and hands the shared buffer to Netty. No I/O, no rendering, no compression and no copy per request. A
 * plain route rather than a RESTEasy resource because RESTEasy's per-request machinery cost a third of the
 * throughput on this page (see bench/run.sh); it is described in META-INF/openapi.yaml instead of annotations.
 */
@ApplicationScoped
public class StatusPageResource {
    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final CharSequence HTML = HttpHeaders.createOptimized(HTML_UTF8);
    // no-cache: browsers and CDNs may keep the page but must revalidate, which costs a 304.
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence VARY = HttpHeaders.createOptimized(PageResponses.VARY);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(StatusView view, int refreshSeconds);

        static native TemplateInstance unavailable(int refreshSeconds);
    }

    private final HomePage homePage;
    private final CharSequence retryAfter;

    StatusPageResource(HomePage homePage, WebConfig config) {
        this.homePage = homePage;
        this.retryAfter = HttpHeaders.createOptimized(Integer.toString(config.pageRefreshSeconds()));
    }

    void routes(@Observes Router router) {
        // Before RESTEasy's routes; the security headers of application.properties run before any route.
        router.route("/").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::home);
    }

    void home(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
            ProblemMapper.methodNotAllowed(context, "GET, HEAD");
            return;
        }
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        HttpServerResponse response = context.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.VARY, VARY);
        PreparedBody page = homePage.current(Language.choose(request.getParam("lang"),
                request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        if (page == null) {
            // status-api has never answered: a page that refreshes itself, never kept by a cache.
            headers.set(HttpHeaders.CACHE_CONTROL, NO_STORE);
            headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
            send(response.setStatusCode(503), homePage.unavailable().select(acceptEncoding));
            return;
        }
        Representation chosen = page.select(acceptEncoding);
        headers.set(HttpHeaders.ETAG, chosen.etagHeader());
        headers.set(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        if (EntityTags.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), chosen.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        send(response, chosen);
    }

    /** Content-Length is set here, so a HEAD answer carries the length its GET would have. */
    private static void send(HttpServerResponse response, Representation chosen) {
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.CONTENT_TYPE, HTML);
        headers.set(HttpHeaders.CONTENT_LENGTH, chosen.contentLengthHeader());
        if (chosen.contentEncodingHeader() != null) {
            headers.set(HttpHeaders.CONTENT_ENCODING, chosen.contentEncodingHeader());
        }
        response.end(chosen.body());
    }
}
