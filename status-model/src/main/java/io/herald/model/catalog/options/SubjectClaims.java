package io.herald.model.catalog.options;

import io.herald.model.catalog.Field;
import java.util.HashMap;
import java.util.Map;

/**
 * Which check each subject of a webhook source names, over one catalog load. A check's id is its own subject too,
 * so Herald's own JSON (whose subject is a check id) and listed subjects cannot disagree.
 */
final class SubjectClaims {
    private record Claim(String check, boolean byId, String position) {
        String words() {
            return (byId ? "the id of check '" : "check '") + check + "' (" + position + ")";
        }
    }

    private final Map<String, Map<String, Claim>> bySource = new HashMap<>();

    /** Fails at {@code at} when another check of the source already claims the subject. */
    void claim(String source, String subject, String check, Field at, boolean byId) {
        Map<String, Claim> claims = bySource.computeIfAbsent(source, key -> new HashMap<>());
        Claim mine = new Claim(check, byId, at.position());
        Claim earlier = claims.putIfAbsent(subject, mine);
        if (earlier != null && !earlier.check().equals(check)) {
            throw at.error("subject '" + subject + "' of source '" + source + "' is claimed by " + earlier.words()
                    + " and by " + mine.words() + "; a subject names one check");
        }
    }
}
