package io.herald.ingest.evaluate;

import io.herald.model.ComponentStatus;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rolls a component's check states up into its status: all checks down is a major outage, some down a
 * partial outage, any degraded is degraded performance, otherwise operational. A component with a check
 * whose state is still unknown is not evaluated.
 */
public final class ComponentRollup {
    private ComponentRollup() {
    }

    /** @param checks the component's checks by id, in catalog order */
    public static Optional<ComponentEvaluation> evaluate(Map<String, ? extends CheckView> checks) {
        if (checks.isEmpty() || checks.values().stream().anyMatch(c -> c.state() == CheckHealth.UNKNOWN)) {
            return Optional.empty();
        }
        long down = checks.values().stream().filter(c -> c.state() == CheckHealth.DOWN).count();
        boolean degraded = checks.values().stream().anyMatch(c -> c.state() == CheckHealth.DEGRADED);
        ComponentStatus status = down == checks.size() ? ComponentStatus.MAJOR_OUTAGE
                : down > 0 ? ComponentStatus.PARTIAL_OUTAGE
                : degraded ? ComponentStatus.DEGRADED_PERFORMANCE
                : ComponentStatus.OPERATIONAL;
        var notUp = checks.entrySet().stream().filter(e -> e.getValue().state() != CheckHealth.UP).toList();
        String cause = notUp.stream().map(Map.Entry::getKey).collect(Collectors.joining(","));
        String detail = notUp.stream().map(e -> e.getValue().detail())
                .filter(d -> d != null && !d.isBlank()).collect(Collectors.joining("; "));
        return Optional.of(new ComponentEvaluation(status, cause, detail));
    }
}
