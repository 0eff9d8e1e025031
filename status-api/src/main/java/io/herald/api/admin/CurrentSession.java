package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The session behind a bearer token, without the token. */
public record CurrentSession(
        @JsonProperty("username") String username,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("scopes") Set<String> scopes,
        @JsonProperty("method") @Schema(example = "password", description = "password or oidc") String method,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("expires_at") String expiresAt) {
}
