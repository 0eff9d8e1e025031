package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.web.WebConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** status-api's session and admin endpoints, called with the operator's bearer token (never logged). */
@ApplicationScoped
public class AdminApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final WebConfig config;

    AdminApiClient(Vertx vertx, WebConfig config) {
        this.config = config;
        String url = config.apiUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
    }

    /** status-api's answer: its status and its JSON body (a problem+json on errors), or null when empty. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem's detail (or title) to show the operator. */
        public String problem() {
            if (body == null) {
                return "status-api answered HTTP " + status;
            }
            String detail = body.path("detail").asText("");
            return detail.isBlank() ? body.path("title").asText("HTTP " + status) : detail;
        }
    }

    public Future<Answer> call(HttpMethod method, String path, String token, Object body) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(base + path)
                .putHeader("Accept", "application/json")
                .setIdleTimeout(config.requestTimeout().toMillis());
        if (token != null) {
            options.putHeader("Authorization", "Bearer " + token);
        }
        Buffer payload;
        try {
            payload = body == null ? null : Buffer.buffer(JSON.writeValueAsBytes(body));
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
        if (payload != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return http.request(options)
                .compose(request -> payload == null ? request.send() : request.send(payload))
                .compose(response -> response.body().map(bytes -> {
                    JsonNode json = null;
                    if (bytes.length() > 0) {
                        try {
                            json = JSON.readTree(bytes.getBytes());
                        } catch (Exception notJson) {
                            json = null;
                        }
                    }
                    return new Answer(response.statusCode(), json);
                }));
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
