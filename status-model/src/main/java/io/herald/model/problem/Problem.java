package io.herald.model.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * An RFC 9457 problem detail: the body of every error answer of every Herald service (docs/problems.md).
 * {@code type} is {@value #TYPE_BASE} followed by a slug naming the kind of problem; {@code field} is an extension
 * member naming the request field at fault (a body field, a JSON pointer or a query parameter), when there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("field") String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://herald.io/problems/";

    // The slug and title of a problem that only an HTTP status describes (no more particular kind).
    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[] {"bad-request", "Bad request"}),
            Map.entry(401, new String[] {"unauthorized", "Unauthorized"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(413, new String[] {"content-too-large", "Content too large"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(422, new String[] {"unprocessable-content", "Unprocessable content"}),
            Map.entry(429, new String[] {"too-many-requests", "Too many requests"}),
            Map.entry(500, new String[] {"server-error", "Server error"}),
            Map.entry(502, new String[] {"bad-gateway", "Bad gateway"}),
            Map.entry(503, new String[] {"service-unavailable", "Service unavailable"}),
            Map.entry(504, new String[] {"gateway-timeout", "Gateway timeout"}));

    /** A problem of a named kind. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null);
    }

    /** A problem that only its HTTP status describes: the type and title are the status's own. */
    public static Problem ofStatus(int status, String detail) {
        String[] known = BY_STATUS.get(status);
        return known == null ? of(status, "http-" + status, "HTTP " + status, detail) : of(status, known[0], known[1], detail);
    }

    /** The same problem naming the request field at fault. */
    public Problem withField(String name) {
        return new Problem(type, title, status, detail, name);
    }

    /** The slug of the type ("not-found"), or the whole type when it is not one of Herald's. */
    public String slug() {
        return type != null && type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
    }
}
