package io.herald.api.history;

import io.herald.api.incident.IncidentAutomation;
import io.herald.api.subscriber.NotificationEvent;
import io.herald.api.subscriber.NotificationOutbox;
import io.herald.api.subscriber.NotificationType;
import io.herald.api.uptime.RecordUptime;
import io.herald.model.StatusChange;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one change from the changes stream, once: an entry already stored under its stream id is skipped. The
 * uptime totals, the automatic incidents and the subscribers' notification (outbox) are written in the same
 * transaction. A refresh (the status stayed, only its staleness changed) is no change of status: it is shown (the
 * read model applies it from the live channel) but not recorded, counted, turned into an incident or sent.
 */
@ApplicationScoped
public class RecordStatusChange {
    private final StatusChangeRepository repository;
    private final RecordUptime uptime;
    private final IncidentAutomation automation;
    private final NotificationOutbox outbox;

    public RecordStatusChange(StatusChangeRepository repository, RecordUptime uptime, IncidentAutomation automation,
            NotificationOutbox outbox) {
        this.automation = automation;
        this.repository = repository;
        this.uptime = uptime;
        this.outbox = outbox;
    }

    /** What storing one change did. */
    public enum Outcome {
        /** This stream entry was stored before (a redelivery): nothing done. */
        ALREADY_STORED,
        /** A refresh: only the staleness changed, nothing to record. */
        REFRESH,
        STORED,
        /** Stored, and an automatic incident was opened or changed. */
        STORED_INCIDENT_CHANGED
    }

    public Uni<Outcome> record(String streamId, StatusChange change) {
        // A refresh needs no database at all, so one never waits for PostgreSQL.
        return change.isRefresh() ? Uni.createFrom().item(Outcome.REFRESH)
                : Panache.withTransaction(() -> store(streamId, change));
    }

    private Uni<Outcome> store(String streamId, StatusChange change) {
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
                    .flatMap(ignored -> outbox.record(notification(streamId, entity)))
                    .flatMap(ignored -> automation.apply(change))
                    .map(changed -> changed ? Outcome.STORED_INCIDENT_CHANGED : Outcome.STORED);
        });
    }

    private static NotificationEvent notification(String streamId, StatusChangeEntity change) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("component", change.componentId);
        payload.put("from", change.fromStatus);
        payload.put("to", change.toStatus);
        payload.put("at", change.changedAt.toString());
        payload.put("cause", change.cause);
        payload.put("detail", change.detail);
        return new NotificationEvent(NotificationType.COMPONENT_STATUS_CHANGED, change.changedAt,
                List.of(change.componentId), payload, "component.status_changed:" + streamId);
    }
}
