package io.herald.api.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.PageTime;
import io.herald.model.catalog.Catalog;
import io.herald.model.status.Incident;
import io.herald.model.status.StatuspageV2;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns stored incidents into their JSON bodies; components show their current (overlaid) status. */
@ApplicationScoped
public class IncidentViews {
    private static final TypeReference<List<Incident.AffectedComponent>> AFFECTED = new TypeReference<>() {
    };

    private final PageTime time;
    private final Catalog catalog;
    private final ObjectMapper mapper;

    public IncidentViews(PageTime time, Catalog catalog, ObjectMapper mapper) {
        this.time = time;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    public Incident body(IncidentData data, Map<String, StatuspageV2.Component> components) {
        IncidentEntity i = data.incident();
        String id = Long.toString(i.id);
        List<Incident.Update> updates = data.updates().stream().map(u -> new Incident.Update(
                Long.toString(u.id), u.status, u.body, id, time.format(u.createdAt), time.format(u.createdAt),
                time.format(u.displayAt), affected(u.affectedComponents), u.deliverNotifications, null, null)).toList();
        List<StatuspageV2.Component> affected = data.components().stream()
                .map(c -> components.get(c.componentId)).filter(Objects::nonNull).toList();
        boolean maintenance = i.isMaintenance();
        return new Incident(id, i.name, i.status, time.format(i.createdAt), time.format(i.updatedAt),
                time.format(i.monitoringAt), time.format(i.resolvedAt), i.impact, shortlink(i), time.format(i.startedAt),
                catalog.page().id(), updates, affected,
                maintenance ? time.format(i.scheduledFor) : null,
                maintenance ? time.format(i.scheduledUntil) : null,
                i.automatic, i.takenOver);
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
