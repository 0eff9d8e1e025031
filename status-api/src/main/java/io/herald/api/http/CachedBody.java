package io.herald.api.http;

import io.herald.http.EntityTags;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body encoded once, with its strong ETag (herald-http's {@link EntityTags}: a digest of the bytes, so equal
 * data gives an equal tag on every replica).
 */
public record CachedBody(byte[] bytes, String etag) {

    public static CachedBody of(byte[] bytes) {
        return new CachedBody(bytes, EntityTags.of(bytes));
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
}
