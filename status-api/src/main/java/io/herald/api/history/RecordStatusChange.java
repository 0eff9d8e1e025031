package io.herald.api.history;

import io.herald.api.uptime.RecordUptime;
import io.herald.model.StatusChange;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Stores one change from the changes stream, once: an entry already stored under its stream id is skipped. The
 * uptime totals are kept current in the same transaction.
 */
@ApplicationScoped
public class RecordStatusChange {
    private final StatusChangeRepository repository;
    private final RecordUptime uptime;

    public RecordStatusChange(StatusChangeRepository repository, RecordUptime uptime) {
        this.repository = repository;
        this.uptime = uptime;
    }

    /** @return true when stored now, false when this stream entry was stored before (a redelivery) */
    @WithTransaction
    public Uni<Boolean> record(String streamId, StatusChange change) {
        return repository.existsByStreamId(streamId).flatMap(exists -> {
            if (exists) {
                return Uni.createFrom().item(false);
            }
            StatusChangeEntity entity = new StatusChangeEntity();
            entity.streamId = streamId;
            entity.componentId = change.component();
            entity.fromStatus = change.from() == null ? null : change.from().wire();
            entity.toStatus = change.to().wire();
            entity.changedAt = change.at();
            entity.cause = change.cause();
            entity.detail = change.detail();
            entity.recordedAt = Instant.now();
            return repository.persist(entity)
                    .flatMap(ignored -> uptime.record(change))
                    .replaceWith(true);
        });
    }
}
