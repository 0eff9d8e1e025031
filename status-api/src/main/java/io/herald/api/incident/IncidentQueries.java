package io.herald.api.incident;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads of incidents and maintenances for the native API, each in its own session. */
@ApplicationScoped
public class IncidentQueries {
    private final IncidentRepository repository;

    public IncidentQueries(IncidentRepository repository) {
        this.repository = repository;
    }

    @WithSession
    public Uni<List<IncidentData>> incidents(int limit, Instant from, Instant to) {
        return repository.newestFirst(limit, from, to).flatMap(repository::withDetails);
    }

    @WithSession
    public Uni<List<IncidentData>> maintenances(List<String> statuses, int limit) {
        return repository.maintenances(statuses, limit).flatMap(repository::withDetails);
    }

    /** The incident (kind incident) or maintenance with this id, or null. */
    @WithSession
    public Uni<IncidentData> one(long id, String kind) {
        return repository.findById(id).flatMap(found -> found == null || !kind.equals(found.kind)
                ? Uni.createFrom().nullItem() : repository.withDetails(found));
    }
}
