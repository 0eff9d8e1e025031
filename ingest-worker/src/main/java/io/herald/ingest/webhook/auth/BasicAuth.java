package io.herald.ingest.webhook.auth;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Authorization: Basic base64(user:password)}. Herald stores only SHA-256 (hex) of "user:password".
 * The decoded bytes are hashed as sent, so a password in any encoding works if it was hashed the same way.
 */
public final class BasicAuth implements WebhookAuth {

    private final byte[] userPasswordSha256;

    /** @param userPasswordSha256Hex SHA-256 of the UTF-8 bytes of "user:password", in hex */
    public BasicAuth(String userPasswordSha256Hex) {
        this.userPasswordSha256 = Crypto.storedSha256(userPasswordSha256Hex, "the basic credentials hash");
    }

    @Override
    public AuthResult verify(byte[] body, Map<String, String> headers) {
        Optional<String> credentials = AuthorizationHeader.credentials(headers, "Basic");
        if (credentials.isEmpty()) {
            return AuthResult.failure(AuthorizationHeader.whyMissing(headers, "Basic"));
        }
        byte[] userPassword;
        try {
            userPassword = Base64.getDecoder().decode(credentials.get());
        } catch (IllegalArgumentException e) {
            return AuthResult.failure("the Basic credentials are not valid base64");
        }
        return MessageDigest.isEqual(Crypto.sha256(userPassword), userPasswordSha256)
                ? AuthResult.success()
                : AuthResult.failure("the Basic user or password does not match");
    }
}
