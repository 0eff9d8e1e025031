package io.herald.api.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.PageTime;
import io.herald.api.read.ReadModel;
import io.herald.api.read.ShownIncident;
import io.herald.model.catalog.Catalog;
import io.herald.model.status.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns stored incidents into their JSON bodies; components show their current (overlaid) status. */
@ApplicationScoped
public class IncidentViews {
    private static final TypeReference<List<Incident.AffectedComponent>> AFFECTED = new TypeReference<>() {
    };

    private final PageTime time;
    private final Catalog catalog;
    private final ObjectMapper mapper;
    private final ReadModel readModel;

    public IncidentViews(PageTime time, Catalog catalog, ObjectMapper mapper, ReadModel readModel) {
        this.readModel = readModel;
        this.time = time;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** The body as the read model holds it: without components, which it shows with their status when rendered. */
    public ShownIncident shown(IncidentData data) {
        IncidentEntity i = data.incident();
        String id = Long.toString(i.id);
        List<Incident.Update> updates = data.updates().stream().map(u -> new Incident.Update(
                Long.toString(u.id), u.status, u.body, id, time.format(u.createdAt), time.format(u.createdAt),
                time.format(u.displayAt), affected(u.affectedComponents), u.deliverNotifications, null, null)).toList();
        boolean maintenance = i.isMaintenance();
        Incident body = new Incident(id, i.name, i.status, time.format(i.createdAt), time.format(i.updatedAt),
                time.format(i.monitoringAt), time.format(i.resolvedAt), i.impact, shortlink(i), time.format(i.startedAt),
                catalog.page().id(), updates, List.of(),
                maintenance ? time.format(i.scheduledFor) : null,
                maintenance ? time.format(i.scheduledUntil) : null,
                i.automatic, i.takenOver,
                maintenance ? time.format(i.cancelledAt) : null,
                maintenance ? Integer.valueOf(i.revision) : null);
        return new ShownIncident(body, maintenance, data.components().stream().map(c -> c.componentId).toList(),
                i.updatedAt, i.updateCount);
    }

    /** The native body, its components showing their current status. */
    public Incident body(IncidentData data) {
        return readModel.incident(shown(data));
    }

    public String affectedJson(List<Incident.AffectedComponent> affected) {
        if (affected == null || affected.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(affected);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode affected components", e);
        }
    }

    private List<Incident.AffectedComponent> affected(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(json, AFFECTED);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String shortlink(IncidentEntity i) {
        String base = catalog.page().url() == null ? "" : catalog.page().url().replaceAll("/+$", "");
        return base + (i.isMaintenance() ? "/maintenances/" : "/incidents/") + i.id;
    }
}
