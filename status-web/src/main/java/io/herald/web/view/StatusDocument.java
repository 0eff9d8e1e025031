package io.herald.web.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of status-api's GET /api/v1/status, as sent; timestamps stay text until the view reads them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusDocument(
        @JsonProperty("page") Page page,
        @JsonProperty("status") Indicator status,
        @JsonProperty("services") List<Service> services,
        @JsonProperty("last_event_id") String lastEventId) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("url") String url,
            @JsonProperty("time_zone") String timeZone,
            @JsonProperty("updated_at") String updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(
            @JsonProperty("indicator") String indicator,
            @JsonProperty("description") String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") String status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("components") List<Component> components) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") String status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("since") String since,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("cause") String cause,
            @JsonProperty("detail") String detail) {
    }
}
