package io.herald.api.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A component's recorded changes, newest first. */
public record ComponentHistory(
        @JsonProperty("component") String component,
        @JsonProperty("name") String name,
        @JsonProperty("changes") List<HistoryEntry> changes) {
}
