package io.herald.api.history;

import io.herald.api.incident.IncidentAutomation;
import io.herald.api.uptime.RecordUptime;
import io.herald.model.StatusChange;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Stores one change from the changes stream, once: an entry already stored under its stream id is skipped. The
 * uptime totals and the automatic incidents are kept current in the same transaction.
 */
@ApplicationScoped
public class RecordStatusChange {
    private final StatusChangeRepository repository;
    private final RecordUptime uptime;
    private final IncidentAutomation automation;

    public RecordStatusChange(StatusChangeRepository repository, RecordUptime uptime, IncidentAutomation automation) {
        this.automation = automation;
        this.repository = repository;
        this.uptime = uptime;
    }

    /** What storing one change did. */
    public enum Outcome {
        /** This stream entry was stored before (a redelivery): nothing done. */
        ALREADY_STORED,
        STORED,
        /** Stored, and an automatic incident was opened or changed. */
        STORED_INCIDENT_CHANGED
    }

    @WithTransaction
    public Uni<Outcome> record(String streamId, StatusChange change) {
        return repository.existsByStreamId(streamId).flatMap(exists -> {
            if (exists) {
                return Uni.createFrom().item(Outcome.ALREADY_STORED);
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
                    .flatMap(ignored -> automation.apply(change))
                    .map(changed -> changed ? Outcome.STORED_INCIDENT_CHANGED : Outcome.STORED);
        });
    }
}
