package io.herald.api.admin.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Talks to the OpenID Connect provider over Vert.x's non-blocking client: its discovery document and its keys,
 * both cached, and the token endpoint. Values are cached, never in-flight requests, so each caller continues on its
 * own Vert.x context (which Hibernate Reactive needs afterwards).
 */
@ApplicationScoped
public class OidcProvider {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OidcConfig config;
    private final HttpClient client;
    private final Clock clock;
    private volatile Cached<ProviderMetadata> metadata;
    private volatile Cached<JWKSet> keys;
    private volatile Instant lastKeyFetch = Instant.EPOCH;

    public OidcProvider(OidcConfig config, Vertx vertx) {
        this.config = config;
        this.clock = Clock.systemUTC();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis()));
    }

    private record Cached<T>(T value, Instant fetchedAt) {
    }

    private record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception notJson) {
                return null;
            }
        }
    }

    /** The discovery document, fetched again after herald.api.oidc.metadata-max-age. */
    public Uni<ProviderMetadata> metadata() {
        Cached<ProviderMetadata> cached = metadata;
        if (cached != null && cached.fetchedAt().plus(config.metadataMaxAge()).isAfter(clock.instant())) {
            return Uni.createFrom().item(cached.value());
        }
        String issuer = config.issuer().orElseThrow(OidcProblems::notConfigured).trim();
        String url = stripSlash(issuer) + "/.well-known/openid-configuration";
        return send(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url), null, "discovery")
                .map(reply -> {
                    JsonNode json = reply.status() == 200 ? reply.json() : null;
                    if (json == null) {
                        throw OidcProblems.provider("The provider's discovery document (" + url + ") answered HTTP "
                                + reply.status() + (json == null && reply.status() == 200 ? " without JSON" : "")
                                + ".");
                    }
                    ProviderMetadata found = ProviderMetadata.of(json);
                    if (found.issuer() == null || found.authorizationEndpoint() == null
                            || found.tokenEndpoint() == null || found.jwksUri() == null) {
                        throw OidcProblems.provider("The provider's discovery document lacks issuer, "
                                + "authorization_endpoint, token_endpoint or jwks_uri.");
                    }
                    // OpenID Connect Discovery 1.0, 4.3: the document's issuer must be the one asked for.
                    if (!stripSlash(found.issuer()).equals(stripSlash(issuer))) {
                        throw OidcProblems.provider("The provider's discovery document names the issuer '"
                                + found.issuer() + "', not the configured '" + issuer + "'.");
                    }
                    metadata = new Cached<>(found, clock.instant());
                    return found;
                });
    }

    /** The provider's keys: the cached set while younger than herald.api.oidc.jwks-max-age. */
    public Uni<JWKSet> keys() {
        Cached<JWKSet> cached = keys;
        if (cached != null && cached.fetchedAt().plus(config.jwksMaxAge()).isAfter(clock.instant())) {
            return Uni.createFrom().item(cached.value());
        }
        return fetchKeys();
    }

    /**
     * The keys fetched again because a token names a key the cached set lacks (the provider rotated its keys), at
     * most once per herald.api.oidc.jwks-min-refresh; null when a fetch was that recent.
     */
    public Uni<JWKSet> refreshedKeys() {
        if (lastKeyFetch.plus(config.jwksMinRefresh()).isAfter(clock.instant())) {
            return Uni.createFrom().nullItem();
        }
        return fetchKeys();
    }

    private Uni<JWKSet> fetchKeys() {
        return metadata().flatMap(found -> {
            lastKeyFetch = clock.instant();
            return send(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(found.jwksUri()), null, "keys")
                    .map(reply -> {
                        if (reply.status() != 200) {
                            throw OidcProblems.provider("The provider's keys (" + found.jwksUri() + ") answered HTTP "
                                    + reply.status() + ".");
                        }
                        try {
                            JWKSet set = JWKSet.parse(reply.body());
                            keys = new Cached<>(set, clock.instant());
                            Log.infof("Fetched the OpenID Connect provider's keys: %d key(s)", set.getKeys().size());
                            return set;
                        } catch (java.text.ParseException e) {
                            throw OidcProblems.provider("The provider's keys (" + found.jwksUri()
                                    + ") are not a JWK set.");
                        }
                    });
        });
    }

    /**
     * Exchanges an authorization code at the token endpoint (with the PKCE verifier and the client secret) and
     * answers the ID token. A refused code is the caller's 401; anything else from the provider is a 502.
     */
    public Uni<String> exchange(String code, String redirectUri, String codeVerifier) {
        return metadata().flatMap(found -> {
            String clientId = config.clientId().orElseThrow();
            String secret = config.clientSecret().orElseThrow();
            StringBuilder form = new StringBuilder("grant_type=authorization_code")
                    .append("&code=").append(encode(code))
                    .append("&redirect_uri=").append(encode(redirectUri))
                    .append("&code_verifier=").append(encode(codeVerifier));
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                    .setAbsoluteURI(found.tokenEndpoint())
                    .putHeader("Content-Type", "application/x-www-form-urlencoded")
                    .putHeader("Accept", "application/json");
            if (found.secretInBody()) {
                form.append("&client_id=").append(encode(clientId)).append("&client_secret=").append(encode(secret));
            } else {
                // RFC 6749, 2.3.1: both parts are form-encoded before they are joined and base64-encoded.
                String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret))
                        .getBytes(StandardCharsets.UTF_8));
                options.putHeader("Authorization", "Basic " + basic);
            }
            return send(options, Buffer.buffer(form.toString()), "token").map(reply -> {
                JsonNode json = reply.json();
                if (reply.status() == 200 && json != null && json.path("id_token").isTextual()) {
                    return json.path("id_token").asText();
                }
                String error = json == null ? "" : json.path("error").asText("");
                if (reply.status() == 400 && "invalid_grant".equals(error)) {
                    throw OidcProblems.rejected("The provider refused the authorization code (invalid_grant): it "
                            + "was used already, has expired, or does not match this sign-in. Sign in again.");
                }
                if (reply.status() == 200) {
                    throw OidcProblems.provider("The provider's token endpoint answered without an ID token; is "
                            + "the scope 'openid' asked for?");
                }
                throw OidcProblems.provider("The provider's token endpoint answered HTTP " + reply.status()
                        + (error.isEmpty() ? "" : " (" + error + ")")
                        + ("invalid_client".equals(error) ? ": check herald.api.oidc.client-id and client-secret"
                                : "") + ".");
            });
        });
    }

    private Uni<Reply> send(RequestOptions options, Buffer body, String what) {
        options.setIdleTimeout(config.timeout().toMillis());
        String url = options.getURI() == null ? "" : options.getHost() + options.getURI();
        return Uni.createFrom().completionStage(() -> client.request(options)
                        .compose(request -> body == null ? request.send() : request.send(body))
                        .compose(response -> response.body()
                                .map(bytes -> new Reply(response.statusCode(), bytes.toString(StandardCharsets.UTF_8))))
                        .toCompletionStage())
                .ifNoItem().after(config.timeout().plusSeconds(1)).fail()
                .onFailure(failure -> !(failure instanceof io.herald.model.problem.ProblemException))
                .transform(failure -> {
                    Log.warnf("OpenID Connect provider request (%s, %s) failed: %s", what, url, failure.toString());
                    return OidcProblems.provider("The identity provider could not be reached (" + what + "): "
                            + failure.getClass().getSimpleName() + ".");
                });
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
