package io.herald.ingest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 9457 problem detail, the body of every error answer. {@code field} is an extension member naming
 * the request body field at fault, when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("field") String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
