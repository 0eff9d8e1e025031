package io.herald.model.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The page's overall status: Statuspage's indicator (none, minor, major, critical, maintenance) and its words. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Indicator(
        @JsonProperty("indicator") String indicator,
        @JsonProperty("description") String description) {
}
