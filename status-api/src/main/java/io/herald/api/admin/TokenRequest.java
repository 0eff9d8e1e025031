package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/admin/tokens. */
public record TokenRequest(
        @JsonProperty("name") @Schema(example = "alertmanager-bridge") String name,
        @JsonProperty("scopes") @Schema(example = "[\"incidents:write\"]") List<String> scopes) {
}
