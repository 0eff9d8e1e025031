package io.herald.system.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Microsoft Graph's service health as Herald's graph check reads it, served on loopback: the Microsoft identity
 * platform's client-credentials token endpoint ({@code POST /tenant/oauth2/v2.0/token}, form fields as documented:
 * grant_type=client_credentials, client_id, client_secret, scope ending in /.default), then
 * {@code GET /v1.0/admin/serviceAnnouncement/healthOverviews} and {@code .../issues?$filter=isResolved eq false}
 * with that bearer token, answered in Graph's shapes ({@code value} arrays of serviceHealth and serviceHealthIssue).
 * A request out of format is answered 400 as Graph does and recorded as a mistake the test checks for.
 */
final class GraphUpstream implements AutoCloseable {
    static final String CLIENT_ID = "herald-scenario";
    static final String CLIENT_SECRET = "graph-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final String token = "graph-token-" + UUID.randomUUID();
    final List<String> mistakes = new CopyOnWriteArrayList<>();
    private volatile String status = "serviceOperational";
    private volatile List<Map<String, Object>> issues = List.of();

    GraphUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tenant/oauth2/v2.0/token", this::token);
        server.createContext("/v1.0/admin/serviceAnnouncement/", this::serviceHealth);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Exchange Online operational, with no open issue. */
    void operational() {
        status = "serviceOperational";
        issues = List.of();
    }

    /** Exchange Online degraded by one open issue. */
    void degraded(String id, String title) {
        status = "serviceDegradation";
        issues = List.of(Map.of("id", id, "title", title, "service", "Exchange Online",
                "status", "serviceDegradation", "isResolved", false, "classification", "incident",
                "lastModifiedDateTime", "2026-12-06T08:20:00Z"));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"POST".equals(exchange.getRequestMethod()) || type == null
                || !type.startsWith("application/x-www-form-urlencoded")
                || !"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))
                || !String.valueOf(form.get("scope")).endsWith("/.default")) {
            mistakes.add("token request out of format: " + exchange.getRequestMethod() + " " + type + " " + form
                    .keySet());
            answer(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        answer(exchange, 200, Map.of("token_type", "Bearer", "expires_in", 3599, "access_token", token));
    }

    private void serviceHealth(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            mistakes.add("Graph called without the token for " + path);
            answer(exchange, 401, Map.of("error", Map.of("code", "InvalidAuthenticationToken")));
            return;
        }
        if (path.endsWith("/healthOverviews")) {
            answer(exchange, 200, Map.of("value", List.of(
                    Map.of("service", "Exchange Online", "status", status, "id", "Exchange"),
                    Map.of("service", "Microsoft Teams", "status", "serviceOperational", "id", "microsoftteams"))));
        } else if (path.endsWith("/issues")) {
            String query = exchange.getRequestURI().getQuery();
            if (query == null || !query.contains("isResolved eq false")) {
                mistakes.add("issues asked for without the isResolved filter: " + query);
            }
            answer(exchange, 200, Map.of("value", issues));
        } else {
            answer(exchange, 404, Map.of("error", Map.of("code", "NotFound")));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
