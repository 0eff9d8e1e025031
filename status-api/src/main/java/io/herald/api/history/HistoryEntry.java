package io.herald.api.history;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One change in a component's history, as the history endpoint shows it. */
public record HistoryEntry(
        @JsonProperty("id") String id,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("at") String at,
        @JsonProperty("cause") String cause,
        @JsonProperty("detail") String detail,
        @JsonProperty("recorded_at") String recordedAt) {
}
