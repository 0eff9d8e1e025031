package io.herald.api.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.subscriber.NotificationEvent;
import io.herald.api.subscriber.NotificationOutbox;
import io.herald.api.subscriber.NotificationType;
import io.herald.model.status.Incident;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tells subscribers about incidents and maintenances through the outbox. Callers are inside the transaction that
 * makes the change, so the change and its notification commit together. Dedupe keys name the incident (and the
 * update, for updates): a retried transaction, or a second replica doing the same move, records the event once.
 */
@ApplicationScoped
public class IncidentNotifications {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final NotificationOutbox outbox;
    private final IncidentViews views;
    private final ObjectMapper mapper;

    public IncidentNotifications(NotificationOutbox outbox, IncidentViews views, ObjectMapper mapper) {
        this.outbox = outbox;
        this.views = views;
        this.mapper = mapper;
    }

    public Uni<Void> opened(IncidentData data) {
        return record(NotificationType.INCIDENT_OPENED, data, "incident.opened:" + data.incident().id);
    }

    public Uni<Void> updated(IncidentData data, IncidentUpdateEntity update) {
        return record(NotificationType.INCIDENT_UPDATED, data,
                "incident.updated:" + data.incident().id + ":" + update.id);
    }

    public Uni<Void> resolved(IncidentData data) {
        return record(NotificationType.INCIDENT_RESOLVED, data, "incident.resolved:" + data.incident().id);
    }

    /** An update that closed the incident tells it was resolved; any other update tells it was updated. */
    public Uni<Void> updatedOrResolved(IncidentData data, IncidentUpdateEntity update, boolean closedNow) {
        return closedNow ? resolved(data) : updated(data, update);
    }

    /** maintenance.scheduled, .started or .completed; each happens once per maintenance. */
    public Uni<Void> maintenance(NotificationType type, IncidentData data) {
        return record(type, data, type.wire() + ":" + data.incident().id);
    }

    private Uni<Void> record(NotificationType type, IncidentData data, String dedupeKey) {
        // the body the public API shows (native v1, with automatic and taken_over), with components' current status
        Incident body = views.body(data);
        Map<String, Object> payload = mapper.convertValue(body, MAP);
        List<String> components = data.components().stream().map(c -> c.componentId).toList();
        IncidentEntity incident = data.incident();
        Instant at = incident.updatedAt == null ? Instant.now() : incident.updatedAt;
        return outbox.record(new NotificationEvent(type, at, components, payload, dedupeKey));
    }
}
