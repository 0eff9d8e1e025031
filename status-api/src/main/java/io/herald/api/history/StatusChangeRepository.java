package io.herald.api.history;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepository<StatusChangeEntity> {

    @WithSession
    public Uni<List<StatusChangeEntity>> newestFirst(String componentId, int limit) {
        return find("componentId", Sort.descending("changedAt", "id"), componentId).page(0, limit).list();
    }

    /** Changes in [from, to) (either bound may be null), newest first. */
    @WithSession
    public Uni<List<StatusChangeEntity>> newestFirst(String componentId, Instant from, Instant to, int limit) {
        StringBuilder query = new StringBuilder("componentId = :component");
        Parameters parameters = Parameters.with("component", componentId);
        if (from != null) {
            query.append(" and changedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and changedAt < :to");
            parameters.and("to", to);
        }
        return find(query.toString(), Sort.descending("changedAt", "id"), parameters).page(0, limit).list();
    }

    public Uni<Long> deleteBefore(Instant before) {
        return delete("changedAt < ?1", before);
    }

    public Uni<Boolean> existsByStreamId(String streamId) {
        return count("streamId", streamId).map(count -> count > 0);
    }
}
