package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator as listed and audited (never the password hash). */
public record UserBody(
        @JsonProperty("id") String id,
        @JsonProperty("username") String username,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("email") String email,
        @JsonProperty("scopes") Set<String> scopes,
        @JsonProperty("password") @Schema(description = "Whether the operator can log in with a password")
        boolean password,
        @JsonProperty("oidc_linked") @Schema(description = "Whether an identity at the OpenID Connect provider "
                + "is linked") boolean oidcLinked,
        @JsonProperty("created_at") String createdAt) {

    public static UserBody of(OperatorEntity o) {
        return new UserBody(Long.toString(o.id), o.username, o.displayName, o.email, Scopes.parse(o.scopes),
                o.passwordBcrypt != null, o.oidcSubject != null, o.createdAt.toString());
    }
}
