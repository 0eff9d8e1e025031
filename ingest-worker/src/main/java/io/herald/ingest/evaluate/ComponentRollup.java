package io.herald.ingest.evaluate;

import io.herald.model.ComponentStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rolls a component's check states up into its status: all checks down is a major outage, some down a partial
 * outage, any degraded is degraded performance, otherwise operational. A component with a check whose state is
 * still unknown is not evaluated. A check nothing is known of (not counted) leaves the status to the others, and a
 * component with no other check is not evaluated; the component is stale when any of its checks is, in their words.
 */
public final class ComponentRollup {
    private ComponentRollup() {
    }

    /** @param checks the component's checks by id, in catalog order */
    public static Optional<ComponentEvaluation> evaluate(Map<String, ? extends CheckView> checks) {
        List<? extends Map.Entry<String, ? extends CheckView>> counted = checks.entrySet().stream()
                .filter(e -> e.getValue().counted()).toList();
        if (counted.isEmpty() || counted.stream().anyMatch(e -> e.getValue().state() == CheckHealth.UNKNOWN)) {
            return Optional.empty();
        }
        long down = counted.stream().filter(e -> e.getValue().state() == CheckHealth.DOWN).count();
        boolean degraded = counted.stream().anyMatch(e -> e.getValue().state() == CheckHealth.DEGRADED);
        ComponentStatus status = down == counted.size() ? ComponentStatus.MAJOR_OUTAGE
                : down > 0 ? ComponentStatus.PARTIAL_OUTAGE
                : degraded ? ComponentStatus.DEGRADED_PERFORMANCE
                : ComponentStatus.OPERATIONAL;
        var notUp = counted.stream().filter(e -> e.getValue().state() != CheckHealth.UP).toList();
        String cause = notUp.stream().map(Map.Entry::getKey).collect(Collectors.joining(","));
        String detail = notUp.stream().map(e -> e.getValue().detail())
                .filter(d -> d != null && !d.isBlank()).collect(Collectors.joining("; "));
        boolean stale = checks.values().stream().anyMatch(CheckView::stale);
        String staleDetail = checks.values().stream().filter(CheckView::stale).map(CheckView::staleDetail)
                .filter(d -> d != null && !d.isBlank()).collect(Collectors.joining("; "));
        return Optional.of(new ComponentEvaluation(status, cause, detail, stale, staleDetail));
    }
}
