package io.herald.web.problem;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An RFC 9457 problem detail. */
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A plain HTTP error: "about:blank" tells the client the status code says it all (RFC 9457 4.2.1). */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail);
    }
}
