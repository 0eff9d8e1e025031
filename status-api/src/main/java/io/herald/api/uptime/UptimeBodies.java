package io.herald.api.uptime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies of the uptime endpoints. */
public final class UptimeBodies {
    private UptimeBodies() {
    }

    @Schema(description = "Whole seconds spent in each status")
    public record Seconds(
            @JsonProperty("operational") long operational,
            @JsonProperty("degraded_performance") long degradedPerformance,
            @JsonProperty("partial_outage") long partialOutage,
            @JsonProperty("major_outage") long majorOutage,
            @JsonProperty("under_maintenance") long underMaintenance) {

        public static Seconds of(DayTotals totals) {
            return new Seconds(totals.operational() / 1000, totals.degraded() / 1000, totals.partial() / 1000,
                    totals.major() / 1000, totals.maintenance() / 1000);
        }
    }

    public record IncidentRef(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("impact") String impact) {
    }

    public record Day(
            @JsonProperty("date") @Schema(example = "2026-11-26") String date,
            @JsonProperty("uptime_percent") @Schema(example = "99.861", nullable = true) Double uptimePercent,
            @JsonProperty("worst_status") @Schema(example = "partial_outage", nullable = true) String worstStatus,
            @JsonProperty("seconds") Seconds seconds,
            @JsonProperty("incidents") List<IncidentRef> incidents) {
    }

    public record ComponentDays(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("group_id") String groupId,
            @JsonProperty("uptime_percent") @Schema(example = "99.954", nullable = true) Double uptimePercent,
            @JsonProperty("days") List<Day> days) {
    }

    public record Days(
            @JsonProperty("time_zone") @Schema(example = "Europe/Paris") String timeZone,
            @JsonProperty("days") int days,
            @JsonProperty("components") List<ComponentDays> components) {
    }

    public record ComponentUptime(
            @JsonProperty("component") String component,
            @JsonProperty("window") @Schema(example = "30d") String window,
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("uptime_percent") @Schema(example = "99.5", nullable = true) Double uptimePercent,
            @JsonProperty("seconds") Seconds seconds) {
    }
}
