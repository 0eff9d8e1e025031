package io.herald.api.history;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepository<StatusChangeEntity> {

    @WithSession
    public Uni<List<StatusChangeEntity>> newestFirst(String componentId, int limit) {
        return find("componentId", Sort.descending("changedAt", "id"), componentId).page(0, limit).list();
    }

    public Uni<Boolean> existsByStreamId(String streamId) {
        return count("streamId", streamId).map(count -> count > 0);
    }
}
