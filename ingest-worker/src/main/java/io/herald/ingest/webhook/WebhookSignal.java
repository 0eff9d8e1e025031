package io.herald.ingest.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The generic webhook body, as documented in OpenAPI; the resource parses and checks it by hand. */
@Schema(name = "WebhookSignal", description = "One observation of one catalog check, pushed by a monitor")
public record WebhookSignal(
        @Schema(required = true, description = "Catalog check id; must be a webhook check of this source",
                examples = "smtp-submission-monitor")
        @JsonProperty("check") String check,
        @Schema(required = true, enumeration = { "up", "degraded", "down" })
        @JsonProperty("status") String status,
        @Schema(description = "Why, in words a person understands", maxLength = WebhookService.MAX_DETAIL)
        @JsonProperty("detail") String detail,
        @Schema(description = "De-duplication id: a repeated id is acknowledged and not recorded again",
                maxLength = WebhookService.MAX_KEY)
        @JsonProperty("id") String id,
        @Schema(description = "Measured latency in milliseconds", minimum = "0")
        @JsonProperty("latency_ms") Long latencyMs,
        @Schema(description = "When it was observed (ISO-8601 with offset); default: when received",
                format = "date-time")
        @JsonProperty("observed_at") String observedAt) {
}
