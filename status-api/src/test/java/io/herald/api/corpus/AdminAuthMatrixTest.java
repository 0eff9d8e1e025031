package io.herald.api.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.api.admin.Scopes;
import io.herald.api.admin.TokenHash;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.http.corpus.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that needs a bearer token (found by reflection: {@code @RequiresScope} on the method or its class)
 * called with no token, a wrong one, a session that was logged out, an API token of each scope and a live session:
 * only a token with the endpoint's scope (or admin) gets past the guard, every refusal is a 401 or 403 problem in
 * words, and nothing answers 5xx. Bodyless actions are sent without a Content-Type.
 */
@QuarkusTest
class AdminAuthMatrixTest extends IsolatedTest {
    // The test profile's bootstrap operator password, hashed in application.properties.
    private static final String PASSWORD_HASH = "$2a$10$yT7mP8PVmj4eqlpa.xIetej7xhC1UREqjdy7C4xM3UHG4OSPXk0Ie";
    private static final String PASSWORD = "bootstrap operator password";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void shouldLetOnlyTheRightScopeThroughEveryGuardedEndpoint() {
        for (String scope : Scopes.ALL) {
            TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".api_token (name, scopes, secret_sha256, created_at) "
                    + "VALUES ('matrix " + scope + "', '" + scope + "', '" + TokenHash.sha256Hex(token(scope))
                    + "', now())");
        }
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".operator (username, display_name, password_bcrypt, "
                + "scopes, created_at) VALUES ('matrix-operator', 'Matrix', '" + PASSWORD_HASH + "', 'admin', now())");
        String ended = signIn();
        assertThat(exchange("DELETE", "/api/v1/auth/sessions/current", ended, null).status()).isEqualTo(204);
        String live = signIn();

        List<ApiRoutes.Route> guarded = new ArrayList<>(ApiRoutes.all().stream().filter(r -> !r.isPublic()).toList());
        // Logging out ends the live session: last.
        guarded.sort(Comparator.comparing(r -> r.method().equals("DELETE") && r.template().endsWith("/current")));
        assertThat(guarded).extracting(ApiRoutes.Route::toString).contains("POST /api/v1/admin/incidents",
                "POST /api/v1/admin/maintenances/{id}/cancel", "PUT /api/v1/admin/components/{id}/override",
                "GET /api/v1/admin/audit", "DELETE /api/v1/admin/tokens/{id}", "GET /api/v1/auth/sessions/current");

        List<String> faults = new ArrayList<>();
        int calls = 0;
        for (ApiRoutes.Route route : guarded) {
            Map<String, String> callers = new LinkedHashMap<>();
            callers.put("no token", null);
            callers.put("a wrong token", "hra_not-a-token");
            callers.put("a logged-out session", ended);
            for (String scope : Scopes.ALL) {
                callers.put("a token of scope " + scope, token(scope));
            }
            callers.put("a live admin session", live);
            for (var caller : callers.entrySet()) {
                String path = route.template().replace("{id}", route.template().contains("/components/") ? "smtp"
                        : "999999");
                RawHttp.Answer answer = exchange(route.method(), path, caller.getValue(), body(route));
                calls++;
                boolean allowed = caller.getValue() != null && passes(route.scope(), caller.getKey());
                String fault = judge(answer, allowed);
                if (fault != null) {
                    faults.add(route + " with " + caller.getKey() + ": " + fault + " (" + answer.status() + " "
                            + answer.text().substring(0, Math.min(200, answer.text().length())) + ")");
                }
            }
        }
        System.out.println("Admin auth matrix: " + guarded.size() + " endpoints, " + calls + " calls, "
                + faults.size() + " fault(s)\n" + String.join("\n", faults));
        assertThat(faults).isEmpty();
    }

    private static boolean passes(String required, String caller) {
        if (caller.equals("a wrong token") || caller.equals("a logged-out session")) {
            return false;
        }
        if (required.isEmpty() || caller.equals("a live admin session")) {
            return true;
        }
        String scope = caller.substring("a token of scope ".length());
        return Scopes.allows(Set.of(scope), required);
    }

    /** Null when the answer is right for the caller. */
    private static String judge(RawHttp.Answer answer, boolean allowed) {
        if (answer.hung()) {
            return "no answer: " + answer.failure();
        }
        if (answer.status() >= 500) {
            return "a server error";
        }
        if (answer.status() >= 400) {
            String type = String.valueOf(answer.header("content-type"));
            if (!type.startsWith("application/problem+json") || !answer.text().contains("\"title\"")
                    || !answer.text().contains("\"detail\"")) {
                return "a refusal that is not a problem in words";
            }
        }
        if (!allowed && answer.status() != 401 && answer.status() != 403) {
            return "let through (expected 401 or 403)";
        }
        if (allowed && (answer.status() == 401 || answer.status() == 403 || answer.status() == 415)) {
            return "refused though the scope is right";
        }
        return null;
    }

    /** A JSON object for endpoints that read one; none (and no Content-Type) for actions without a body. */
    private static String body(ApiRoutes.Route route) {
        boolean takesBody = java.util.Arrays.stream(route.javaMethod().getParameters()).anyMatch(p ->
                p.getAnnotations().length == 0 && !p.getType().getName().startsWith("io.vertx")
                        && !p.getType().getName().startsWith("jakarta"));
        return takesBody ? "{}" : null;
    }

    private String signIn() {
        RawHttp.Answer answer = exchange("POST", "/api/v1/auth/sessions", null,
                "{\"username\":\"matrix-operator\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        String body = answer.text();
        int at = body.indexOf("\"token\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }

    private RawHttp.Answer exchange(String method, String path, String token, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        byte[] bytes = body == null ? (method.equals("GET") || method.equals("DELETE") ? null : new byte[0])
                : body.getBytes(StandardCharsets.UTF_8);
        return RawHttp.exchange(port, RawHttp.request(method, path, headers, bytes), Duration.ofSeconds(10));
    }

    private static String token(String scope) {
        return "matrix-token-" + scope.replace(':', '-');
    }
}
