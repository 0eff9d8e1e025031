package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/** The answer to creating a token: the only time the token is shown. */
public record NewToken(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("scopes") Set<String> scopes,
        @JsonProperty("token") String token,
        @JsonProperty("created_at") String createdAt) {
}
