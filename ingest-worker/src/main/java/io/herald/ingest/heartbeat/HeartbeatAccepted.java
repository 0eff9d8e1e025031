package io.herald.ingest.heartbeat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a beat: it is durably in the signals stream. */
@Schema(name = "HeartbeatAccepted")
public record HeartbeatAccepted(
        @Schema(description = "The heartbeat check") @JsonProperty("check") String check,
        @Schema(enumeration = {"up", "down"}) @JsonProperty("outcome") String outcome,
        @Schema(description = "When Herald received it; the check's silence is counted from here",
                format = "date-time")
        @JsonProperty("accepted_at") Instant acceptedAt,
        @Schema(description = "Stream entry of the signal") @JsonProperty("signal_id") String signalId) {
}
