package io.herald.api.admin;

import io.herald.model.problem.ProblemException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The admin API's scopes; admin implies every other. */
public final class Scopes {
    public static final String INCIDENTS_WRITE = "incidents:write";
    public static final String MAINTENANCE_WRITE = "maintenance:write";
    public static final String COMPONENTS_WRITE = "components:write";
    public static final String AUDIT_READ = "audit:read";
    public static final String ADMIN = "admin";
    public static final List<String> ALL = List.of(INCIDENTS_WRITE, MAINTENANCE_WRITE, COMPONENTS_WRITE, AUDIT_READ,
            ADMIN);

    private Scopes() {
    }

    public static boolean allows(Collection<String> granted, String required) {
        return granted.contains(ADMIN) || granted.contains(required);
    }

    /** "a b" or "a,b" to a set. */
    public static Set<String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split("[,\\s]+")).filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The scopes a request asks for: at least one, each a known one (else 400 naming the field scopes). */
    public static Set<String> requested(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ProblemException.invalidField("scopes", "The field 'scopes' must list at least one of "
                    + String.join(", ", ALL) + ".");
        }
        for (String scope : requested) {
            if (!ALL.contains(scope)) {
                throw ProblemException.invalidField("scopes", "The field 'scopes' holds '" + scope
                        + "'; expected some of " + String.join(", ", ALL) + ".");
            }
        }
        return new LinkedHashSet<>(requested);
    }

    public static String format(Collection<String> scopes) {
        return String.join(" ", scopes);
    }
}
