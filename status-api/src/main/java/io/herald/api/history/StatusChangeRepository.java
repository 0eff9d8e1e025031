package io.herald.api.history;

import io.herald.api.read.LastKnown;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The last recorded change of each of these components that has one (an index lookup each, however long the
     * history), by component id. Callers hold the session.
     */
    public Uni<Map<String, LastKnown>> lastOfEach(List<String> componentIds) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        SELECT c.id, l.to_status, (EXTRACT(EPOCH FROM l.changed_at) * 1000)::bigint, l.cause, l.detail
                        FROM jsonb_array_elements_text(CAST(CAST(?1 AS text) AS jsonb)) AS c(id)
                        CROSS JOIN LATERAL (SELECT to_status, changed_at, cause, detail FROM status_change
                            WHERE component_id = c.id ORDER BY changed_at DESC, id DESC LIMIT 1) l""", Object[].class)
                .setParameter(1, HeraldJson.write(componentIds)).getResultList())
                .map(rows -> {
                    Map<String, LastKnown> last = new HashMap<>();
                    for (Object[] row : rows) {
                        ComponentStatus.parse((String) row[1]).ifPresent(status -> last.put((String) row[0],
                                new LastKnown(status, Instant.ofEpochMilli(((Number) row[2]).longValue()),
                                        (String) row[3], (String) row[4])));
                    }
                    return Map.copyOf(last);
                });
    }

    public Uni<Long> deleteBefore(Instant before) {
        return delete("changedAt < ?1", before);
    }

    public Uni<Boolean> existsByStreamId(String streamId) {
        return count("streamId", streamId).map(count -> count > 0);
    }
}
