package io.herald.ingest.webhook.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>}, as Alertmanager's http_config, Grafana and Uptime Kuma's extra headers
 * send it. Herald stores only the token's SHA-256 (hex), so a leaked configuration does not leak the token.
 */
public final class BearerAuth implements WebhookAuth {

    private final byte[] tokenSha256;

    /** @param tokenSha256Hex SHA-256 of the token's UTF-8 bytes, in hex */
    public BearerAuth(String tokenSha256Hex) {
        this.tokenSha256 = Crypto.storedSha256(tokenSha256Hex, "the bearer token hash");
    }

    /** From the token itself (a check's own, read from the environment): only its SHA-256 is kept. */
    public static BearerAuth forToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the bearer token is not set");
        }
        return new BearerAuth(HexFormat.of().formatHex(Crypto.sha256(Crypto.utf8(token))));
    }

    @Override
    public AuthResult verify(byte[] body, Map<String, String> headers) {
        Optional<String> credentials = AuthorizationHeader.credentials(headers, "Bearer");
        if (credentials.isEmpty()) {
            return AuthResult.failure(AuthorizationHeader.whyMissing(headers, "Bearer"));
        }
        byte[] presented = Crypto.sha256(Crypto.utf8(credentials.get()));
        return MessageDigest.isEqual(presented, tokenSha256)
                ? AuthResult.success()
                : AuthResult.failure("the bearer token does not match");
    }
}
