package io.herald.ingest.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an accepted delivery: every signal it carried is durably in the signals stream. */
@Schema(name = "WebhookAccepted")
public record WebhookAccepted(
        @JsonProperty("accepted") boolean accepted,
        @Schema(description = "Stream entry of the first signal (for a duplicate: the first delivery's entry); "
                + "absent when the delivery carried no signal")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("signal_id") String signalId,
        @Schema(description = "True when every signal of this delivery was already accepted; nothing was recorded again")
        @JsonProperty("duplicate") boolean duplicate,
        @Schema(description = "One entry per signal recorded from this delivery")
        @JsonProperty("signals") List<Recorded> signals,
        @Schema(description = "The sender's subjects that map to no check of this source: logged, not recorded")
        @JsonProperty("ignored") List<String> ignored) {

    /** One observation of the delivery, recorded as a signal of one check. */
    @Schema(name = "WebhookRecordedSignal")
    public record Recorded(
            @JsonProperty("subject") String subject,
            @JsonProperty("check") String check,
            @JsonProperty("outcome") String outcome,
            @JsonProperty("signal_id") String signalId,
            @JsonProperty("duplicate") boolean duplicate) {
    }

    static WebhookAccepted of(List<Recorded> signals, List<String> ignored) {
        return new WebhookAccepted(true, signals.isEmpty() ? null : signals.get(0).signalId(),
                !signals.isEmpty() && signals.stream().allMatch(Recorded::duplicate), signals, ignored);
    }
}
