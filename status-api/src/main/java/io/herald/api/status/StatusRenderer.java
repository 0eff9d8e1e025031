package io.herald.api.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.LoadedCatalog;
import io.herald.api.catalog.PageTime;
import io.herald.api.http.CachedBody;
import io.herald.api.incident.IncidentBody;
import io.herald.api.incident.IncidentData;
import io.herald.api.incident.IncidentViews;
import io.herald.api.incident.Vocabulary;
import io.herald.api.overlay.Overlay;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
import io.herald.model.catalog.ServiceDef;
import io.herald.model.status.Indicator;
import io.herald.model.status.PageIndicator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the catalog plus the components' states into the encoded bodies of the hot endpoints. Runs once per
 * change, never per request.
 */
@ApplicationScoped
public class StatusRenderer {
    private final Catalog catalog;
    private final Instant declaredAt;
    private final ZoneId zone;
    private final PageTime time;
    private final ObjectMapper mapper;
    private final IncidentViews views;

    public StatusRenderer(LoadedCatalog loaded, PageTime time, ObjectMapper mapper, IncidentViews views) {
        this.views = views;
        this.catalog = loaded.catalog();
        this.declaredAt = loaded.declaredAt();
        this.zone = time.zone();
        this.time = time;
        this.mapper = mapper;
    }

    public RenderedStatus render(Map<String, ComponentState> states, String lastEventId, Overlay overlay) {
        String updatedAt = format(lastUpdate(states, overlay));
        Indicator page = PageIndicator.of(catalog.components().values().stream()
                        .map(c -> new PageIndicator.Input(shown(states, overlay, c.id()), c.critical()))
                        .toList(),
                overlay.unresolved().stream().map(i -> i.incident().impact).toList());

        StatuspageV2.Page v2Page = new StatuspageV2.Page(catalog.page().id(), catalog.page().name(),
                catalog.page().url(), zone.getId(), updatedAt);
        StatuspageV2.Status v2Status = new StatuspageV2.Status(page.indicator(), page.description());
        List<StatuspageV2.Component> v2Components = v2Components(states, overlay);
        Map<String, StatuspageV2.Component> byId = new HashMap<>();
        v2Components.forEach(c -> byId.put(c.id(), c));
        List<IncidentBody> unresolved = bodies(overlay.unresolved(), byId);
        List<IncidentBody> openMaintenances = bodies(overlay.openMaintenances(), byId);
        List<IncidentBody> upcoming = openMaintenances.stream()
                .filter(m -> Vocabulary.MAINTENANCE_SCHEDULED.equals(m.status())).toList();
        List<IncidentBody> active = openMaintenances.stream()
                .filter(m -> !Vocabulary.MAINTENANCE_SCHEDULED.equals(m.status())).toList();

        NativeV1.Body v1 = new NativeV1.Body(
                new NativeV1.Page(catalog.page().id(), catalog.page().name(), catalog.page().url(), zone.getId(),
                        updatedAt),
                new NativeV1.Status(page.indicator(), page.description()),
                v1Services(states, overlay),
                unresolved,
                openMaintenances,
                lastEventId);

        return new RenderedStatus(Map.copyOf(states), lastEventId, overlay, Map.copyOf(byId),
                encode(new StatuspageV2.Summary(v2Page, v2Components, v2(unresolved), v2(openMaintenances), v2Status)),
                encode(new StatuspageV2.StatusBody(v2Page, v2Status)),
                encode(new StatuspageV2.ComponentsBody(v2Page, v2Components)),
                encode(v1),
                encode(new StatuspageV2.IncidentsBody(v2Page, v2(bodies(overlay.recentIncidents(), byId)))),
                encode(new StatuspageV2.IncidentsBody(v2Page, v2(unresolved))),
                encode(new StatuspageV2.MaintenancesBody(v2Page, v2(bodies(overlay.recentMaintenances(), byId)))),
                encode(new StatuspageV2.MaintenancesBody(v2Page, v2(upcoming))),
                encode(new StatuspageV2.MaintenancesBody(v2Page, v2(active))));
    }

    private List<IncidentBody> bodies(List<IncidentData> incidents, Map<String, StatuspageV2.Component> byId) {
        return incidents.stream().map(i -> views.body(i, byId)).toList();
    }

    private static List<IncidentBody> v2(List<IncidentBody> bodies) {
        return bodies.stream().map(IncidentBody::forV2).toList();
    }

    private List<StatuspageV2.Component> v2Components(Map<String, ComponentState> states, Overlay overlay) {
        List<StatuspageV2.Component> out = new ArrayList<>();
        String pageId = catalog.page().id();
        String created = format(declaredAt);
        int position = 1;
        for (ServiceDef service : catalog.services()) {
            List<ComponentDef> children = service.components();
            out.add(new StatuspageV2.Component(service.id(), service.name(), worstOf(states, overlay, children), created,
                    format(latest(states, children)), position++, service.description(), true, null, null, pageId,
                    true, false, children.stream().map(ComponentDef::id).toList()));
            for (ComponentDef component : children) {
                out.add(new StatuspageV2.Component(component.id(), component.name(),
                        shown(states, overlay, component.id()),
                        created, format(latest(states, List.of(component))), position++, component.description(),
                        true, null, service.id(), pageId, false, false, null));
            }
        }
        return out;
    }

    private List<NativeV1.Service> v1Services(Map<String, ComponentState> states, Overlay overlay) {
        List<NativeV1.Service> services = new ArrayList<>();
        for (ServiceDef service : catalog.services()) {
            List<NativeV1.Component> components = new ArrayList<>();
            for (ComponentDef component : service.components()) {
                ComponentState state = states.get(component.id());
                ComponentStatus status = shown(states, overlay, component.id());
                components.add(state == null
                        ? new NativeV1.Component(component.id(), component.name(), component.description(), status,
                                status.words(), null, null, null, null, false)
                        : new NativeV1.Component(component.id(), component.name(), component.description(), status,
                                status.words(), format(state.since()), format(state.since()), blankToNull(state.cause()),
                                blankToNull(state.detail()), true));
            }
            ComponentStatus worst = worstOf(states, overlay, service.components());
            services.add(new NativeV1.Service(service.id(), service.name(), service.description(), worst,
                    worst.words(), components));
        }
        return services;
    }

    private static ComponentStatus statusOf(Map<String, ComponentState> states, String componentId) {
        ComponentState state = states.get(componentId);
        return state == null || state.status() == null ? ComponentStatus.OPERATIONAL : state.status();
    }

    private static ComponentStatus shown(Map<String, ComponentState> states, Overlay overlay, String componentId) {
        return overlay.shown(componentId, statusOf(states, componentId));
    }

    private static ComponentStatus worstOf(Map<String, ComponentState> states, Overlay overlay,
            List<ComponentDef> components) {
        return ComponentStatus.worst(components.stream().map(c -> shown(states, overlay, c.id())).toList());
    }

    /** The last change among the given components, or when the catalog was declared if none changed yet. */
    private Instant latest(Map<String, ComponentState> states, List<ComponentDef> components) {
        return components.stream()
                .map(c -> states.get(c.id()))
                .filter(s -> s != null && s.since() != null)
                .map(ComponentState::since)
                .max(Instant::compareTo)
                .orElse(declaredAt);
    }

    /**
     * The last time anything shown on the page changed: a component's status, or an incident or maintenance shown on
     * it being created, updated or resolved (an edit of its text counts too).
     */
    private Instant lastUpdate(Map<String, ComponentState> states, Overlay overlay) {
        Instant latest = latest(states, List.copyOf(catalog.components().values()));
        for (List<io.herald.api.incident.IncidentData> shown : List.of(overlay.unresolved(), overlay.recentIncidents(),
                overlay.openMaintenances(), overlay.recentMaintenances())) {
            for (io.herald.api.incident.IncidentData data : shown) {
                Instant updated = data.incident().updatedAt;
                if (updated != null && updated.isAfter(latest)) {
                    latest = updated;
                }
            }
        }
        return latest;
    }

    private String format(Instant instant) {
        return time.format(instant);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private CachedBody encode(Object body) {
        try {
            return CachedBody.of(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body.getClass().getSimpleName(), e);
        }
    }
}
