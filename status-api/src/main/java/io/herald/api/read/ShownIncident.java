package io.herald.api.read;

import io.herald.model.status.Incident;
import io.herald.model.status.StatuspageV2;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An incident or maintenance as the read model holds it: its native body without components (they show the status
 * they have when the body is rendered, so the read model adds them), the ids of its components and its version.
 *
 * @param body         the native body with an empty component list
 * @param maintenance  a scheduled maintenance rather than an incident
 * @param componentIds its components, in the order they are listed
 * @param updatedAt    when it was last created, updated or resolved
 * @param updateCount  how many updates it has (names this version in stream event ids)
 */
public record ShownIncident(Incident body, boolean maintenance, List<String> componentIds, Instant updatedAt,
        int updateCount) {

    /** The body with its components as these component objects show them (ids without one are left out). */
    public Incident render(Map<String, StatuspageV2.Component> componentsById) {
        List<StatuspageV2.Component> components = componentIds.stream().map(componentsById::get)
                .filter(Objects::nonNull).toList();
        Incident b = body;
        return new Incident(b.id(), b.name(), b.status(), b.createdAt(), b.updatedAt(), b.monitoringAt(),
                b.resolvedAt(), b.impact(), b.shortlink(), b.startedAt(), b.pageId(), b.incidentUpdates(), components,
                b.scheduledFor(), b.scheduledUntil(), b.automatic(), b.takenOver(), b.cancelledAt(), b.revision());
    }
}
