package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** A token as listed (never the token itself). */
public record TokenBody(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("scopes") Set<String> scopes,
        @JsonProperty("created_at") String createdAt) {

    static TokenBody of(ApiTokenEntity t) {
        return new TokenBody(Long.toString(t.id), t.name, Scopes.parse(t.scopes), t.createdAt.toString());
    }
}
