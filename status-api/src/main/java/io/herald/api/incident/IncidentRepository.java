package io.herald.api.incident;

import io.herald.api.read.Vocabulary;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Incidents and maintenances with their updates and components. Callers hold the session. */
@ApplicationScoped
public class IncidentRepository implements PanacheRepository<IncidentEntity> {

    /** Loads the updates (newest first) and components of the given incidents, keeping their order. */
    public Uni<List<IncidentData>> withDetails(List<IncidentEntity> incidents) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = incidents.stream().map(i -> i.id).toList();
        return IncidentUpdateEntity.<IncidentUpdateEntity>find("incidentId in ?1",
                        Sort.descending("createdAt", "id"), ids).list()
                .flatMap(updates -> IncidentComponentEntity.<IncidentComponentEntity>find("incidentId in ?1",
                        Sort.ascending("componentId"), ids).list().map(components -> {
                            Map<Long, List<IncidentUpdateEntity>> updatesOf = new HashMap<>();
                            updates.forEach(u -> updatesOf.computeIfAbsent(u.incidentId, k -> new ArrayList<>()).add(u));
                            Map<Long, List<IncidentComponentEntity>> componentsOf = new HashMap<>();
                            components.forEach(c -> componentsOf.computeIfAbsent(c.incidentId, k -> new ArrayList<>())
                                    .add(c));
                            return incidents.stream().map(i -> new IncidentData(i,
                                    updatesOf.getOrDefault(i.id, List.of()),
                                    componentsOf.getOrDefault(i.id, List.of()))).toList();
                        }));
    }

    public Uni<IncidentData> withDetails(IncidentEntity incident) {
        return withDetails(List.of(incident)).map(list -> list.get(0));
    }

    public Uni<List<IncidentEntity>> unresolved() {
        return find("kind = ?1 and resolvedAt is null", Sort.descending("createdAt", "id"),
                IncidentEntity.KIND_INCIDENT).list();
    }

    /** Incidents newest first, optionally only those created in [from, to). */
    public Uni<List<IncidentEntity>> newestFirst(int limit, Instant from, Instant to) {
        if (from == null) {
            return find("kind", Sort.descending("createdAt", "id"), IncidentEntity.KIND_INCIDENT).page(0, limit).list();
        }
        return find("kind = :kind and createdAt >= :from and createdAt < :to", Sort.descending("createdAt", "id"),
                Parameters.with("kind", IncidentEntity.KIND_INCIDENT).and("from", from).and("to", to))
                .page(0, limit).list();
    }

    public Uni<List<IncidentEntity>> maintenances(List<String> statuses, int limit) {
        if (statuses == null) {
            return find("kind", Sort.descending("scheduledFor", "id"), IncidentEntity.KIND_MAINTENANCE)
                    .page(0, limit).list();
        }
        return find("kind = ?1 and status in ?2", Sort.ascending("scheduledFor", "id"),
                IncidentEntity.KIND_MAINTENANCE, statuses).page(0, limit).list();
    }

    /** The newest open incident that lists this component, or null. */
    public Uni<IncidentEntity> openCovering(String componentId) {
        return find("kind = ?1 and resolvedAt is null and id in (select c.incidentId from IncidentComponentEntity c "
                        + "where c.componentId = ?2)", Sort.descending("createdAt", "id"),
                IncidentEntity.KIND_INCIDENT, componentId).firstResult();
    }

    /** True while a maintenance in progress lists this component. */
    public Uni<Boolean> inMaintenance(String componentId) {
        return count("kind = ?1 and status = ?2 and id in (select c.incidentId from IncidentComponentEntity c "
                        + "where c.componentId = ?3)", IncidentEntity.KIND_MAINTENANCE,
                Vocabulary.MAINTENANCE_IN_PROGRESS, componentId).map(n -> n > 0);
    }

    public Uni<List<IncidentEntity>> updatedSince(Instant since) {
        return find("updatedAt >= ?1", Sort.ascending("updatedAt", "id"), since).list();
    }

    /** At most {@code limit} incidents and maintenances changed since then: the most recently changed, oldest first. */
    public Uni<List<IncidentEntity>> latestUpdatedSince(Instant since, int limit) {
        return find("updatedAt >= ?1", Sort.descending("updatedAt", "id"), since).page(0, limit).list()
                .map(list -> {
                    List<IncidentEntity> oldestFirst = new java.util.ArrayList<>(list);
                    java.util.Collections.reverse(oldestFirst);
                    return oldestFirst;
                });
    }

    public Uni<List<IncidentComponentEntity>> componentsOf(Long incidentId) {
        return IncidentComponentEntity.<IncidentComponentEntity>find("incidentId", incidentId).list();
    }
}
