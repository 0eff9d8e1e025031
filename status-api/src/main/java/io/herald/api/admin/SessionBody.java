package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** A new session: the only time its token is shown. */
public record SessionBody(
        @JsonProperty("token") String token,
        @JsonProperty("expires_at") String expiresAt,
        @JsonProperty("username") String username,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("scopes") Set<String> scopes) {
}
