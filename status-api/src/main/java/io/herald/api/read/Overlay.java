package io.herald.api.read;

import io.herald.model.ComponentStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PostgreSQL adds to the evaluated status: incidents and maintenances to list, components under a maintenance
 * in progress (shown under_maintenance) and operators' overrides (shown until they expire).
 *
 * @param unresolved         open incidents, newest first
 * @param recentIncidents    the 50 most recent incidents, any status, newest first
 * @param openMaintenances   scheduled, in progress or verifying maintenances, soonest first
 * @param recentMaintenances the 50 most recent maintenances, any status
 * @param inMaintenance      components listed by a maintenance in progress
 * @param overrides          component id to the status an operator set, for those not expired
 * @param lastKnown          component id to its last recorded change (history), shown for a component the
 *                           current-status hash does not hold
 */
public record Overlay(List<ShownIncident> unresolved, List<ShownIncident> recentIncidents,
        List<ShownIncident> openMaintenances, List<ShownIncident> recentMaintenances, Set<String> inMaintenance,
        Map<String, ComponentStatus> overrides, Map<String, LastKnown> lastKnown) {

    public static final Overlay EMPTY = new Overlay(List.of(), List.of(), List.of(), List.of(), Set.of(), Map.of(),
            Map.of());

    /** The status a component shows: an override first, then a maintenance in progress, then the evaluated one. */
    public ComponentStatus shown(String componentId, ComponentStatus evaluated) {
        ComponentStatus override = overrides.get(componentId);
        if (override != null) {
            return override;
        }
        return inMaintenance.contains(componentId) ? ComponentStatus.UNDER_MAINTENANCE : evaluated;
    }
}
