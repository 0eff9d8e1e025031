package io.herald.api.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.PageTime;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the audit log, newest first, in pages. */
@ApplicationScoped
public class AuditQuery {
    private final ObjectMapper mapper;
    private final PageTime time;

    public AuditQuery(ObjectMapper mapper, PageTime time) {
        this.mapper = mapper;
        this.time = time;
    }

    public record Entry(
            @JsonProperty("id") String id,
            @JsonProperty("at") String at,
            @JsonProperty("actor") String actor,
            @JsonProperty("action") String action,
            @JsonProperty("target") String target,
            @JsonProperty("before") JsonNode before,
            @JsonProperty("after") JsonNode after) {
    }

    public record Entries(@JsonProperty("entries") List<Entry> entries) {
    }

    @WithSession
    public Uni<Entries> entries(String limit, String before) {
        int count = number("limit", limit, 50, 1, 500);
        long below = number("before", before, Integer.MAX_VALUE, 1, Long.MAX_VALUE);
        return AuditEntryEntity.<AuditEntryEntity>find("id < ?1", Sort.descending("id"), below).page(0, count).list()
                .map(rows -> new Entries(rows.stream().map(e -> new Entry(Long.toString(e.id), time.format(e.at),
                        e.actor, e.action, e.target, json(e.before), json(e.after))).toList()));
    }

    private JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }

    private static long number(String field, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidField(field, "The field '" + field + "' ('" + value + "') is not a whole number "
                + "from " + min + (max == Long.MAX_VALUE ? "" : " to " + max) + ".");
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        return (int) number(field, value, (long) fallback, (long) min, (long) max);
    }
}
