package io.herald.api.admin.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A small OpenID Connect provider on a real port for the tests: discovery, a JWK set holding an RSA key generated at
 * start, an authorize endpoint that signs in the user the test names and redirects back with a code, and a token
 * endpoint that checks the client secret, the code (once), the redirect URI and the PKCE verifier, then issues an
 * ID token signed with that key. A test can spoil the next token (audience, expiry, key, alg, nonce) to see it
 * refused, and rotate the key.
 */
public final class TestOidcProvider {
    public static final String CLIENT_ID = "herald-status";
    public static final String CLIENT_SECRET = "test-client-secret-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestOidcProvider shared;

    private final HttpServer server;
    private final String issuer;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger kids = new AtomicInteger(1);
    private volatile RSAKey key;
    private volatile Map<String, Object> nextUser = Map.of();
    private volatile UnaryOperator<Token> nextSpoiler = UnaryOperator.identity();
    private volatile int tokenEndpointStatus = 200;

    private record Grant(String clientId, String redirectUri, String nonce, String challenge,
            Map<String, Object> user) {
    }

    /** The token about to be issued; a spoiler returns a changed copy. */
    public record Token(JWTClaimsSet claims, String algorithm, RSAKey signingKey, boolean unsigned) {
        public Token claims(UnaryOperator<JWTClaimsSet.Builder> change) {
            return new Token(change.apply(new JWTClaimsSet.Builder(claims)).build(), algorithm, signingKey, unsigned);
        }
    }

    private TestOidcProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/herald";
        key = newKey();
        server.createContext("/realms/herald/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/herald/jwks", this::jwks);
        server.createContext("/realms/herald/authorize", this::authorize);
        server.createContext("/realms/herald/token", this::token);
        server.start();
    }

    public static synchronized TestOidcProvider shared() {
        if (shared == null) {
            try {
                shared = new TestOidcProvider();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    /** The person the next authorization signs in: their claims (sub, email, email_verified, name, groups...). */
    public void nextUser(Map<String, Object> claims) {
        nextUser = Map.copyOf(claims);
    }

    /** Changes the next ID token before it is signed (then tokens are right again). */
    public void spoilNextToken(UnaryOperator<Token> spoiler) {
        nextSpoiler = spoiler;
    }

    /** The token endpoint answers this status with an error body until set back to 200. */
    public void tokenEndpointStatus(int status) {
        tokenEndpointStatus = status;
    }

    /** A new signing key with a new kid; the JWK set then holds only it, as after a provider's key rotation. */
    public void rotateKey() {
        key = newKey();
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** A fresh RSA key (with the current key's kid unless told), for signing a token the provider did not. */
    public RSAKey strangerKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid == null ? key.getKeyID() : kid).keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey currentKey() {
        return key;
    }

    /**
     * What a browser does at the authorize endpoint: the provider signs in {@link #nextUser} and redirects to
     * redirect_uri with a code; answers the code.
     */
    public String authorize(String redirectUri, String state, String nonce, String verifier) {
        String query = "response_type=code&client_id=" + enc(CLIENT_ID) + "&redirect_uri=" + enc(redirectUri)
                + "&scope=openid%20email%20profile&state=" + enc(state) + "&nonce=" + enc(nonce)
                + "&code_challenge=" + enc(challenge(verifier)) + "&code_challenge_method=S256";
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(issuer + "/authorize?" + query)).build(), HttpResponse.BodyHandlers.discarding());
            String location = response.headers().firstValue("Location").orElseThrow();
            Map<String, String> params = query(URI.create(location).getRawQuery());
            if (!state.equals(params.get("state"))) {
                throw new IllegalStateException("the provider lost the state");
            }
            return params.get("code");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks");
        doc.put("response_types_supported", new String[] {"code"});
        doc.put("subject_types_supported", new String[] {"public"});
        doc.put("id_token_signing_alg_values_supported", new String[] {"RS256"});
        doc.put("code_challenge_methods_supported", new String[] {"S256"});
        doc.put("token_endpoint_auth_methods_supported", new String[] {"client_secret_basic", "client_secret_post"});
        respond(exchange, 200, JSON.writeValueAsString(doc));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(params.get("client_id")) || !"S256".equals(params.get("code_challenge_method"))
                || params.get("code_challenge") == null || !"code".equals(params.get("response_type"))) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = random();
        codes.put(code, new Grant(params.get("client_id"), params.get("redirect_uri"), params.get("nonce"),
                params.get("code_challenge"), nextUser));
        String redirect = params.get("redirect_uri") + (params.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + enc(code) + "&state=" + enc(params.get("state"));
        exchange.getResponseHeaders().add("Location", redirect);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (tokenEndpointStatus != 200) {
            respond(exchange, tokenEndpointStatus, "{\"error\":\"temporarily_unavailable\"}");
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET))
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        // a code is good once: remove it whatever follows
        Grant grant = form.get("code") == null ? null : codes.remove(form.get("code"));
        if (!"authorization_code".equals(form.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(form.get("redirect_uri")) || form.get("code_verifier") == null
                || !grant.challenge().equals(challenge(form.get("code_verifier")))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).audience(CLIENT_ID)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce()).claim("azp", CLIENT_ID);
        grant.user().forEach(claims::claim);
        Token token = nextSpoiler.apply(new Token(claims.build(), "RS256", key, false));
        nextSpoiler = UnaryOperator.identity();
        Map<String, Object> body = new HashMap<>();
        body.put("access_token", random());
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        body.put("id_token", sign(token));
        respond(exchange, 200, JSON.writeValueAsString(body));
    }

    private static String sign(Token token) {
        try {
            if (token.unsigned()) {
                return new PlainJWT(token.claims()).serialize();
            }
            if (token.algorithm().startsWith("HS")) {
                // the classic confusion: a MAC keyed with something the client knows (its secret)
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), token.claims());
                jwt.sign(new MACSigner(CLIENT_SECRET.repeat(2).getBytes(StandardCharsets.UTF_8)));
                return jwt.serialize();
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(token.algorithm()))
                    .keyID(token.signingKey().getKeyID()).type(JOSEObjectType.JWT).build(), token.claims());
            jwt.sign(new RSASSASigner(token.signingKey()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("key-" + kids.getAndIncrement()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
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

    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
