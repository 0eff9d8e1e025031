package io.herald.api.overlay;

import io.herald.api.history.StatusChangeRepository;
import io.herald.api.incident.IncidentData;
import io.herald.api.incident.IncidentEntity;
import io.herald.api.incident.IncidentRepository;
import io.herald.api.incident.IncidentViews;
import io.herald.api.override.ComponentOverrideEntity;
import io.herald.api.read.Overlay;
import io.herald.api.read.ShownIncident;
import io.herald.api.read.Vocabulary;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.Catalog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the overlay from PostgreSQL in one session: incidents, maintenances, overrides, and each component's last
 * recorded change (shown, marked stale, for a component the current-status hash does not hold).
 */
@ApplicationScoped
public class OverlayLoader {
    private static final int RECENT = 50;
    private final IncidentRepository incidents;
    private final IncidentViews views;
    private final StatusChangeRepository changes;
    private final List<String> componentIds;

    public OverlayLoader(IncidentRepository incidents, IncidentViews views, StatusChangeRepository changes,
            Catalog catalog) {
        this.incidents = incidents;
        this.views = views;
        this.changes = changes;
        this.componentIds = List.copyOf(catalog.components().keySet());
    }

    /** The overlay and the incidents/maintenances updated since the given time (for stream events). */
    public record Loaded(Overlay overlay, List<IncidentData> updated) {
    }

    @WithSession
    public Uni<Loaded> load(Instant now, Instant updatedSince) {
        return incidents.unresolved().flatMap(incidents::withDetails)
                .flatMap(unresolved -> incidents.newestFirst(RECENT, null, null).flatMap(incidents::withDetails)
                .flatMap(recent -> incidents.maintenances(List.of(Vocabulary.MAINTENANCE_SCHEDULED,
                                Vocabulary.MAINTENANCE_IN_PROGRESS, Vocabulary.MAINTENANCE_VERIFYING), RECENT)
                        .flatMap(incidents::withDetails)
                .flatMap(open -> incidents.maintenances(null, RECENT).flatMap(incidents::withDetails)
                .flatMap(recentMaintenances -> ComponentOverrideEntity
                        .<ComponentOverrideEntity>list("until > ?1", now)
                .flatMap(overrides -> (updatedSince == null ? Uni.createFrom().item(List.<IncidentEntity>of())
                        : incidents.updatedSince(updatedSince)).flatMap(incidents::withDetails)
                .flatMap(updated -> changes.lastOfEach(componentIds).map(lastKnown -> {
                    Set<String> inMaintenance = new HashSet<>();
                    open.stream().filter(m -> Vocabulary.MAINTENANCE_IN_PROGRESS.equals(m.incident().status))
                            .forEach(m -> m.components().forEach(c -> inMaintenance.add(c.componentId)));
                    Map<String, ComponentStatus> overridden = new HashMap<>();
                    overrides.forEach(o -> ComponentStatus.parse(o.status)
                            .ifPresent(s -> overridden.put(o.componentId, s)));
                    return new Loaded(new Overlay(shown(unresolved), shown(recent), shown(open),
                            shown(recentMaintenances), Set.copyOf(inMaintenance), Map.copyOf(overridden), lastKnown),
                            updated);
                })))))));
    }

    /** The incidents and maintenances changed since then, with their details: at most the {@code limit} latest. */
    @WithSession
    public Uni<List<IncidentData>> changedSince(Instant since, int limit) {
        return incidents.latestUpdatedSince(since, limit).flatMap(incidents::withDetails);
    }

    private List<ShownIncident> shown(List<IncidentData> incidents) {
        return incidents.stream().map(views::shown).toList();
    }
}
