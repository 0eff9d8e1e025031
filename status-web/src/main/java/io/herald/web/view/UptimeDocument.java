package io.herald.web.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The body of status-api's GET /api/v1/uptime/days?days=90: per component, its days oldest first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UptimeDocument(
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("days") Integer days,
        @JsonProperty("components") List<Component> components) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("group_id") String groupId,
            @JsonProperty("uptime_percent") Double uptimePercent,
            @JsonProperty("days") List<Day> days) {
    }

    /** One day; seconds holds the time spent in each status that day, by wire value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(
            @JsonProperty("date") String date,
            @JsonProperty("uptime_percent") Double uptimePercent,
            @JsonProperty("worst_status") String worstStatus,
            @JsonProperty("seconds") Map<String, Long> seconds,
            @JsonProperty("incidents") List<DayIncident> incidents) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DayIncident(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("impact") String impact) {
    }
}
