package io.herald.api.subscriber;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to subscribe, public or from an operator. */
@Schema(name = "SubscribeRequest")
public record SubscribeRequest(
        @Schema(description = "webhook or email", required = true, example = "webhook")
        @JsonProperty("kind") String kind,
        @Schema(description = "The receiving URL (kind webhook)", example = "https://helpdesk.example.org/hooks/herald")
        @JsonProperty("url") String url,
        @Schema(description = "The address (kind email)", example = "helpdesk@example.org")
        @JsonProperty("email") String email,
        @Schema(description = "Component ids to hear about; empty or absent: the whole page")
        @JsonProperty("components") List<String> components,
        @Schema(description = "Also hear about every status change of these components (noisy; default false)")
        @JsonProperty("component_changes") Boolean componentChanges) {
}
