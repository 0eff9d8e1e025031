package io.herald.web.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of status-api's GET /api/v1/uptime/days?days=90: per component, arrays with one entry per day from
 * first_day (index 0) to last_day (today).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UptimeDocument(
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("days") Integer days,
        @JsonProperty("first_day") String firstDay,
        @JsonProperty("last_day") String lastDay,
        @JsonProperty("components") List<Component> components) {

    /**
     * One component: per day its uptime % (null: nothing observed), its worst status, and per status other than
     * operational the seconds spent in it; its incidents with the range of day indexes they touched.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("group_id") String groupId,
            @JsonProperty("uptime_percent") Double uptimePercent,
            @JsonProperty("uptime_percent_by_day") List<Double> uptimePercentByDay,
            @JsonProperty("worst_status_by_day") List<String> worstStatusByDay,
            @JsonProperty("seconds_by_day") Map<String, List<Long>> secondsByDay,
            @JsonProperty("incidents") List<DayIncident> incidents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DayIncident(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("impact") String impact,
            @JsonProperty("first_day") Integer firstDay,
            @JsonProperty("last_day") Integer lastDay) {
    }
}
