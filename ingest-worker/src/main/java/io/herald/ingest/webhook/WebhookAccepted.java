package io.herald.ingest.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted webhook: the signal is durably in the signals stream. */
@Schema(name = "WebhookAccepted")
public record WebhookAccepted(
        @JsonProperty("accepted") boolean accepted,
        @Schema(description = "Id of the entry in the signals stream (for a duplicate: the first delivery's entry)")
        @JsonProperty("signal_id") String signalId,
        @Schema(description = "True when this de-duplication id was already accepted; nothing was recorded again")
        @JsonProperty("duplicate") boolean duplicate) {
}
