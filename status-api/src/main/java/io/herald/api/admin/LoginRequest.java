package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/auth/sessions. */
public record LoginRequest(
        @JsonProperty("username") @Schema(example = "alice") String username,
        @JsonProperty("password") String password) {
}
