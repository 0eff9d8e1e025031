package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of PATCH /api/v1/admin/users/{id}: the fields to change, the others left out. */
public record UserChange(
        @JsonProperty("display_name") @Schema(example = "Alice Martin") String displayName,
        @JsonProperty("email") @Schema(example = "alice@example.org", description = "A new address; an empty "
                + "string removes it") String email,
        @JsonProperty("scopes") @Schema(example = "[\"incidents:write\"]") List<String> scopes,
        @JsonProperty("unlink_oidc") @Schema(description = "true forgets the identity at the OpenID Connect "
                + "provider linked to this operator, so the next sign-in links again by the claim")
        Boolean unlinkOidc) {
}
