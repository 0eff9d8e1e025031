package io.herald.web.view;

import io.herald.model.HeraldJson;
import io.herald.model.status.StatusDocument;
import io.herald.web.WebConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/** The status-api endpoints status-web reads, over one Vert.x HTTP client. */
@ApplicationScoped
public class StatusApiClient {
    static final String STATUS_PATH = "/api/v1/status";
    static final String STREAM_PATH = "/api/v1/stream";
    static final String UPTIME_PATH = "/api/v1/uptime/days";

    private final HttpClient http;
    private final String base;
    private final WebConfig config;

    StatusApiClient(Vertx vertx, WebConfig config) {
        this.config = config;
        String url = config.apiUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true));
    }

    public String base() {
        return base;
    }

    public Future<StatusDocument> fetchStatus() {
        return fetch(STATUS_PATH, StatusDocument.class);
    }

    /** The 90-day uptime of every component; fails with HTTP 404 while status-api does not serve it. */
    public Future<UptimeDocument> fetchUptime(int days) {
        return fetch(UPTIME_PATH + "?days=" + days, UptimeDocument.class);
    }

    /**
     * GET a JSON document of status-api; any answer but 200 with a readable body fails the future. Read tolerantly:
     * a status word a later status-api added arrives as null, and each reader decides what that means.
     */
    public <T> Future<T> fetch(String pathAndQuery, Class<T> type) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + pathAndQuery)
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setIdleTimeout(config.requestTimeout().toMillis());
        return http.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(new UpstreamException(
                                "GET " + pathAndQuery + " answered HTTP " + response.statusCode()));
                    }
                    try {
                        return Future.succeededFuture(
                                HeraldJson.readTolerant(body.toString(StandardCharsets.UTF_8), type));
                    } catch (IllegalArgumentException e) {
                        return Future.failedFuture(new UpstreamException(e.getMessage()));
                    }
                }));
    }

    /** Opens the change stream; the future holds a 200 text/event-stream response, or fails. */
    public Future<HttpClientResponse> openStream(String lastEventId) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + STREAM_PATH)
                .putHeader(HttpHeaders.ACCEPT, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // status-api sends heartbeats: silence this long means a dead connection.
                .setIdleTimeout(config.streamIdleTimeout().toMillis());
        if (lastEventId != null) {
            options.putHeader("Last-Event-ID", lastEventId);
        }
        return http.request(options)
                .compose(HttpClientRequest::send)
                .compose(response -> {
                    String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
                    if (response.statusCode() == 200 && type != null && type.startsWith("text/event-stream")) {
                        return Future.succeededFuture(response);
                    }
                    return response.body().transform(ignored -> Future.failedFuture(new UpstreamException(
                            "GET " + STREAM_PATH + " answered HTTP " + response.statusCode() + " " + type)));
                });
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** status-api answered, but not what the contract says. */
    public static final class UpstreamException extends RuntimeException {
        public UpstreamException(String message) {
            super(message, null, false, false);
        }
    }
}
