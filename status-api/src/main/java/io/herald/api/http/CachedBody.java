package io.herald.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A JSON body encoded once, with its strong ETag (a digest of the bytes, so equal data gives an equal tag
 * on every replica).
 */
public record CachedBody(byte[] bytes, String etag) {

    public static CachedBody of(byte[] bytes) {
        return new CachedBody(bytes, etagOf(bytes));
    }

    /** Encodes a body as JSON once. */
    public static CachedBody json(com.fasterxml.jackson.databind.ObjectMapper mapper, Object body) {
        try {
            return of(mapper.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body.getClass().getSimpleName(), e);
        }
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
