package io.herald.api.http;

import io.herald.model.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/** Checks of request body fields; a failure is a 400 problem naming the field. */
public final class Fields {
    private Fields() {
    }

    public static void body(Object body) {
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "Missing body", "This request needs a JSON body.");
        }
    }

    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "The field '" + field + "' is required and must not be blank.");
        }
        if (value.length() > max) {
            throw ProblemException.invalidField(field, "The field '" + field + "' is longer than " + max
                    + " characters.");
        }
        return value.trim();
    }

    public static String optionalText(String field, String value, int max) {
        return value == null ? null : text(field, value, max);
    }

    public static String oneOf(String field, String value, Collection<String> allowed) {
        if (value == null || !allowed.contains(value.trim())) {
            throw ProblemException.invalidField(field, "The field '" + field + "' is '" + value + "'; expected one of "
                    + String.join(", ", allowed) + ".");
        }
        return value.trim();
    }

    public static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "The field '" + field + "' is required (ISO 8601 with offset, "
                    + "for example 2026-11-26T22:00:00+01:00).");
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value.trim());
            if (TimeBounds.accepts(at)) {
                return at.toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.invalidField(field, "The field '" + field + "' ('" + value + "') is not an ISO 8601 "
                + "time with offset, for example 2026-11-26T22:00:00+01:00, with a year " + TimeBounds.WORDS + ".");
    }
}
