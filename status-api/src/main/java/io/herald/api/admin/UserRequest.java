package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/admin/users. */
public record UserRequest(
        @JsonProperty("username") @Schema(example = "alice") String username,
        @JsonProperty("display_name") @Schema(example = "Alice Martin") String displayName,
        @JsonProperty("password") @Schema(description = "12 to 72 bytes; leave out for an operator who only "
                + "signs in through the OpenID Connect provider") String password,
        @JsonProperty("email") @Schema(example = "alice@example.org", description = "Matched against the "
                + "provider's email claim at the first OpenID Connect sign-in") String email,
        @JsonProperty("scopes") @Schema(example = "[\"incidents:write\", \"maintenance:write\"]")
        List<String> scopes) {
}
