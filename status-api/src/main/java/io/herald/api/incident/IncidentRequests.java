package io.herald.api.incident;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies the admin API accepts for incidents, templates and maintenances. */
public final class IncidentRequests {
    private IncidentRequests() {
    }

    public record CreateIncident(
            @JsonProperty("name") @Schema(example = "ActiveSync: some users cannot connect") String name,
            @JsonProperty("status") @Schema(example = "investigating") String status,
            @JsonProperty("impact") @Schema(example = "major") String impact,
            @JsonProperty("body") @Schema(example = "We are looking into failed ActiveSync connections.") String body,
            @JsonProperty("components") @Schema(description = "component id to its status in this incident",
                    example = "{\"activesync\": \"partial_outage\"}") Map<String, String> components,
            @JsonProperty("deliver_notifications") Boolean deliverNotifications) {
    }

    public record PatchIncident(
            @JsonProperty("name") String name,
            @JsonProperty("status") @Schema(example = "identified") String status,
            @JsonProperty("impact") String impact) {
    }

    public record NewUpdate(
            @JsonProperty("status") @Schema(example = "identified") String status,
            @JsonProperty("body") @Schema(example = "A change at the mail provider prevents some connections.")
            String body,
            @JsonProperty("components") Map<String, String> components,
            @JsonProperty("deliver_notifications") Boolean deliverNotifications) {
    }

    public record Resolve(@JsonProperty("body") String body) {
    }

    public record Template(
            @JsonProperty("name") @Schema(example = "Mail provider outage") String name,
            @JsonProperty("title") @Schema(example = "Email: some users cannot connect") String title,
            @JsonProperty("body") String body,
            @JsonProperty("status") @Schema(example = "investigating") String status,
            @JsonProperty("impact") @Schema(example = "major") String impact) {
    }

    public record TemplateBody(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("title") String title,
            @JsonProperty("body") String body,
            @JsonProperty("status") String status,
            @JsonProperty("impact") String impact) {

        static TemplateBody of(IncidentTemplateEntity t) {
            return new TemplateBody(Long.toString(t.id), t.name, t.title, t.body, t.status, t.impact);
        }
    }

    public record Templates(@JsonProperty("incident_templates") List<TemplateBody> incidentTemplates) {
    }

    public record CreateMaintenance(
            @JsonProperty("name") @Schema(example = "Mail server upgrade") String name,
            @JsonProperty("body") @Schema(example = "Mail may be unavailable for a few minutes.") String body,
            @JsonProperty("scheduled_for") @Schema(example = "2026-11-28T22:00:00+01:00") String scheduledFor,
            @JsonProperty("scheduled_until") @Schema(example = "2026-11-28T23:00:00+01:00") String scheduledUntil,
            @JsonProperty("components") @Schema(example = "[\"smtp\", \"imap\"]") List<String> components,
            @JsonProperty("auto_transition") Boolean autoTransition) {
    }

    public record PatchMaintenance(
            @JsonProperty("name") String name,
            @JsonProperty("body") @Schema(description = "when given, posted as an update") String body,
            @JsonProperty("status") @Schema(example = "in_progress") String status,
            @JsonProperty("scheduled_for") String scheduledFor,
            @JsonProperty("scheduled_until") String scheduledUntil,
            @JsonProperty("components") List<String> components,
            @JsonProperty("auto_transition") Boolean autoTransition) {
    }
}
