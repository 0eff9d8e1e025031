package io.herald.api.uptime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
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

    @Schema(description = "An incident on a component's bar: the first and last day it touched, as indexes into the "
            + "day arrays (0 is first_day)")
    public record IncidentSpan(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("impact") @Schema(example = "major") String impact,
            @JsonProperty("first_day") @Schema(example = "88") int firstDay,
            @JsonProperty("last_day") @Schema(example = "89") int lastDay) {
    }

    @Schema(description = "One component's days, as arrays with one entry per day, oldest first (index 0 is the "
            + "body's first_day, the last index is today)")
    public record ComponentDays(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("group_id") String groupId,
            @JsonProperty("uptime_percent") @Schema(example = "99.954", nullable = true,
                    description = "Over all the days") Double uptimePercent,
            @JsonProperty("uptime_percent_by_day") @Schema(description = "Per day; null when nothing was observed")
            List<Double> uptimePercentByDay,
            @JsonProperty("worst_status_by_day") @Schema(description = "Per day, the worst status with time on it; "
                    + "null when nothing was observed") List<String> worstStatusByDay,
            @JsonProperty("seconds_by_day") @Schema(description = "Per status other than operational that had time "
                    + "on any of the days, the whole seconds spent in it each day (statuses with none are left out)",
                    example = "{\"partial_outage\": [0, 0, 3600]}")
            Map<String, long[]> secondsByDay,
            @JsonProperty("incidents") List<IncidentSpan> incidents) {
    }

    @Schema(description = "The page's day bars: per component per day the uptime %, the worst status, the time in "
            + "each status other than operational, and the incidents")
    public record Days(
            @JsonProperty("time_zone") @Schema(example = "Europe/Paris") String timeZone,
            @JsonProperty("days") int days,
            @JsonProperty("first_day") @Schema(example = "2026-08-29") String firstDay,
            @JsonProperty("last_day") @Schema(example = "2026-11-26") String lastDay,
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
