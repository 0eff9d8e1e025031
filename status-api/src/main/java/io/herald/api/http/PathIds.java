package io.herald.api.http;

import io.herald.model.problem.ProblemException;

/** Numeric ids in paths: a positive whole number, or 404 (an id that cannot exist is unknown, not malformed). */
public final class PathIds {
    private PathIds() {
    }

    public static long parse(String id, String what) {
        try {
            long value = Long.parseLong(id.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // unknown
        }
        throw ProblemException.notFound("There is no " + what + " '" + id + "'.");
    }
}
