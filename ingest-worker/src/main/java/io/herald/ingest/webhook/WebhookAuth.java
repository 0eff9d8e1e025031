package io.herald.ingest.webhook;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Checks a webhook's bearer token against the SHA-256 configured for its source. Only hashes are held;
 * the comparison is constant time, and an unknown source is compared against a dummy hash and gets the
 * same answer as a bad token, so sources cannot be enumerated.
 */
@Singleton
@Startup
public class WebhookAuth {
    private static final String BEARER = "bearer ";
    private static final byte[] NO_SOURCE = new byte[32];

    private final Map<String, byte[]> hashes = new HashMap<>();

    public WebhookAuth(IngestConfig config) {
        config.sources().forEach((source, settings) -> {
            String hex = settings.tokenSha256().trim();
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalStateException("herald.ingest.sources.\"" + source
                        + "\".token-sha256 must be the 64 hex digits of the token's SHA-256");
            }
            hashes.put(sourceName(source), HexFormat.of().parseHex(hex));
        });
        Log.infof("Webhook sources accepted: %s", hashes.isEmpty() ? "none configured" : hashes.keySet());
    }

    /** Throws a 401 problem unless the Authorization header carries this source's token. */
    public void authorize(String source, String authorization) {
        byte[] expected = hashes.getOrDefault(source, NO_SOURCE);
        String token = bearerToken(authorization);
        byte[] presented = sha256(token == null ? "" : token);
        boolean matches = MessageDigest.isEqual(expected, presented);
        if (token == null || token.isEmpty() || !matches || expected == NO_SOURCE) {
            throw new ProblemException(401,
                    "Send 'Authorization: Bearer <token>' with the token configured for this source.", null,
                    Map.of("WWW-Authenticate", "Bearer realm=\"herald-ingest\""));
        }
    }

    /**
     * Source names are lower-case letters, digits and dashes (the catalog enforces it); an environment variable
     * cannot hold a dash, so HERALD_INGEST_SOURCES__MY_MONITOR__TOKEN_SHA256 arrives as "my.monitor" or
     * "my_monitor" and means source "my-monitor".
     */
    static String sourceName(String configured) {
        return configured.trim().toLowerCase(java.util.Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
