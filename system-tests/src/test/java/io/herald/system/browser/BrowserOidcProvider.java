package io.herald.system.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider for the browser test, reached as "localhost" (another site than status-web's
 * 127.0.0.1, as a real provider is): discovery, a JWK set with an RSA key made at start, an authorize endpoint that
 * signs in the person the test names at once and sends the browser back, and a token endpoint that checks the client
 * secret, the code (once), the redirect URI and the PKCE verifier before it signs the ID token.
 */
final class BrowserOidcProvider implements AutoCloseable {
    static final String CLIENT_ID = "herald-browser";
    static final String CLIENT_SECRET = "browser-secret-" + Long.toHexString(new SecureRandom().nextLong());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    private volatile Map<String, Object> person = Map.of();

    BrowserOidcProvider() throws IOException, JOSEException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://localhost:" + server.getAddress().getPort();
        key = new RSAKeyGenerator(2048).keyID("browser-key").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .generate();
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, 200,
                JSON.writeValueAsString(Map.of("issuer", issuer, "authorization_endpoint", issuer + "/authorize",
                        "token_endpoint", issuer + "/token", "jwks_uri", issuer + "/jwks",
                        "response_types_supported", new String[] {"code"},
                        "id_token_signing_alg_values_supported", new String[] {"RS256"},
                        "code_challenge_methods_supported", new String[] {"S256"}))));
        server.createContext("/jwks", exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return issuer;
    }

    /** The person the provider signs in next. */
    void signsIn(Map<String, Object> claims) {
        person = Map.copyOf(claims);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"S256".equals(query.get("code_challenge_method"))) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = Long.toHexString(new SecureRandom().nextLong()) + Long.toHexString(System.nanoTime());
        Map<String, String> grant = new HashMap<>(query);
        grant.put("person", JSON.writeValueAsString(person));
        codes.put(code, grant);
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + enc(code) + "&state="
                + enc(query.get("state")));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    @SuppressWarnings("unchecked")
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET))
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (grant == null || !grant.get("redirect_uri").equals(form.get("redirect_uri"))
                || !grant.get("code_challenge").equals(challenge(form.getOrDefault("code_verifier", "")))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.get("nonce"));
        ((Map<String, Object>) JSON.readValue(grant.get("person"), Map.class)).forEach(claims::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            respond(exchange, 200, JSON.writeValueAsString(Map.of("access_token", "at", "token_type", "Bearer",
                    "id_token", jwt.serialize())));
        } catch (JOSEException e) {
            respond(exchange, 500, "{\"error\":\"server_error\"}");
        }
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
