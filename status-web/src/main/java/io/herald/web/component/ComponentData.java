package io.herald.web.component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** What a component page is built from: its uptime per window, its recent changes, its checks' response times. */
public record ComponentData(List<Uptime> uptimes, History history, List<Latency> latencies) {

    /** GET /api/v1/components/{id}/uptime?window= */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Uptime(
            @JsonProperty("window") String window,
            @JsonProperty("uptime_percent") Double uptimePercent,
            @JsonProperty("seconds") Map<String, Long> seconds) {
    }

    /** GET /api/v1/components/{id}/history */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(@JsonProperty("changes") List<Change> changes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(
            @JsonProperty("from") String from,
            @JsonProperty("to") String to,
            @JsonProperty("at") String at,
            @JsonProperty("detail") String detail) {
    }

    /** GET /api/v1/checks/{id}/latency?window=; times in milliseconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Latency(
            @JsonProperty("check") String check,
            @JsonProperty("window") String window,
            @JsonProperty("resolution") String resolution,
            @JsonProperty("points") List<Point> points) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Point(
            @JsonProperty("at") String at,
            @JsonProperty("p50") Double p50,
            @JsonProperty("p95") Double p95,
            @JsonProperty("p99") Double p99,
            @JsonProperty("count") Long count) {
    }
}
