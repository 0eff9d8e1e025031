package io.herald.model.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The page object every Statuspage v2 body and Herald's native status document start with. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("url") String url,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("updated_at") String updatedAt) {
}
