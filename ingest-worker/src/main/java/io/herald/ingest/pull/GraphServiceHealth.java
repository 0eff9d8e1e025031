package io.herald.ingest.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.CheckOutcome;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.GraphOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Microsoft Graph service health for one service: an OAuth2 client-credentials token (cached until shortly
 * before it expires), {@code healthOverviews} for the service's status and {@code issues} for its open issues,
 * both followed through {@code @odata.nextLink}. Graph's enum casing varies, so statuses are compared ignoring case.
 */
@Singleton
public class GraphServiceHealth implements CheckPull {
    static final String OVERVIEWS = "/v1.0/admin/serviceAnnouncement/healthOverviews";
    static final String ISSUES = "/v1.0/admin/serviceAnnouncement/issues";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 50;
    private static final Set<String> DOWN = Set.of("serviceinterruption");
    private static final Set<String> DEGRADED = Set.of("servicedegradation", "restoringservice", "extendedrecovery",
            "investigating", "verifyingservice");

    private final WebClient client;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public GraphServiceHealth(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Herald-Pull/1.0"));
    }

    private record Token(String value, Instant expires) {
    }

    @Override
    public String type() {
        return "graph";
    }

    @Override
    public Uni<Pulled> pull(CheckDef check) {
        GraphOptions spec = check.options(GraphOptions.class);
        return token(check, spec).chain(token -> all(check, token, spec.graphUrl() + OVERVIEWS)
                .chain(overviews -> all(check, token, spec.graphUrl() + ISSUES + "?$filter="
                        + "isResolved%20eq%20false").map(issues -> read(spec, overviews, issues))))
                .onFailure(UpstreamException.class).invoke(failure -> {
                    if (failure.getMessage().contains("HTTP 401")) {
                        tokens.remove(tokenKey(spec));
                    }
                });
    }

    static Pulled read(GraphOptions spec, List<JsonNode> overviews, List<JsonNode> issues) {
        JsonNode overview = overviews.stream()
                .filter(o -> o.path("service").asText().trim().equalsIgnoreCase(spec.service().trim()))
                .findFirst()
                .orElseThrow(() -> new UpstreamException("Graph lists no service named '" + spec.service() + "'"));
        String status = overview.path("status").asText("");
        String lower = status.toLowerCase(Locale.ROOT);
        CheckOutcome outcome = DOWN.contains(lower) ? CheckOutcome.DOWN
                : DEGRADED.contains(lower) ? CheckOutcome.DEGRADED : CheckOutcome.UP;
        StringBuilder detail = new StringBuilder("Microsoft 365: ").append(overview.path("service").asText())
                .append(' ').append(status);
        StringBuilder key = new StringBuilder(overview.path("service").asText()).append('|').append(lower);
        List<String> open = new ArrayList<>();
        for (JsonNode issue : issues) {
            if (issue.path("service").asText().trim().equalsIgnoreCase(spec.service().trim())
                    && !issue.path("isResolved").asBoolean(false)) {
                open.add(issue.path("id").asText() + " " + issue.path("title").asText()
                        + " (" + issue.path("status").asText() + ")");
                key.append('|').append(issue.path("id").asText()).append('@')
                        .append(issue.path("lastModifiedDateTime").asText());
            }
        }
        if (!open.isEmpty()) {
            detail.append(": ").append(String.join("; ", open));
        }
        return new Pulled(outcome, detail.toString(), key.toString());
    }

    private Uni<String> token(CheckDef check, GraphOptions spec) {
        Token cached = tokens.get(tokenKey(spec));
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return Uni.createFrom().item(cached.value());
        }
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "client_credentials")
                .add("client_id", spec.clientId())
                .add("client_secret", spec.clientSecret())
                .add("scope", spec.scope());
        return client.postAbs(spec.tokenUrl()).timeout(check.timeout().toMillis()).sendForm(form).map(response -> {
            if (response.statusCode() != 200) {
                throw new UpstreamException("the token endpoint answered HTTP " + response.statusCode());
            }
            JsonNode body = parse(response.bodyAsString(), "the token answer");
            String token = body.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new UpstreamException("the token answer has no access_token");
            }
            long seconds = body.path("expires_in").asLong(300);
            tokens.put(tokenKey(spec), new Token(token, clock.instant().plusSeconds(Math.max(0, seconds - 60))));
            return token;
        });
    }

    /** Every item of a Graph collection, following @odata.nextLink. */
    private Uni<List<JsonNode>> all(CheckDef check, String token, String url) {
        return page(check, token, url, new ArrayList<>(), 0);
    }

    private Uni<List<JsonNode>> page(CheckDef check, String token, String url, List<JsonNode> items, int pages) {
        if (pages >= MAX_PAGES) {
            return Uni.createFrom().failure(new UpstreamException("more than " + MAX_PAGES + " pages from " + url));
        }
        return client.getAbs(url).timeout(check.timeout().toMillis()).bearerTokenAuthentication(token).send()
                .chain(response -> {
                    if (response.statusCode() != 200) {
                        return Uni.createFrom().failure(new UpstreamException("Graph answered HTTP "
                                + response.statusCode() + " for " + url));
                    }
                    JsonNode body = parse(response.bodyAsString(), url);
                    body.path("value").forEach(items::add);
                    String next = body.path("@odata.nextLink").asText("");
                    return next.isEmpty() ? Uni.createFrom().item(items) : page(check, token, next, items, pages + 1);
                });
    }

    private static JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new UpstreamException(what + " is not JSON");
        }
    }

    private static String tokenKey(GraphOptions spec) {
        return spec.tokenUrl() + "|" + spec.clientId();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
