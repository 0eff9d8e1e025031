package io.herald.api.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.catalog.LoadedCatalog;
import io.herald.api.catalog.PageTime;
import io.herald.api.http.CachedBody;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.ComponentDef;
import io.herald.model.catalog.PageInfo;
import io.herald.model.catalog.ServiceDef;
import io.herald.model.status.Incident;
import io.herald.model.status.Indicator;
import io.herald.model.status.Page;
import io.herald.model.status.StatusDocument;
import io.herald.model.status.StatuspageV2;
import io.herald.model.status.PageIndicator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a page of the catalog plus the components' states and the overlay into the encoded bodies of the hot
 * endpoints. Runs once per change, never per request.
 */
@ApplicationScoped
class PageRenderer {
    private final Instant declaredAt;
    private final PageTime time;
    private final ObjectMapper mapper;

    PageRenderer(LoadedCatalog loaded, PageTime time, ObjectMapper mapper) {
        this.declaredAt = loaded.declaredAt();
        this.time = time;
        this.mapper = mapper;
    }

    /**
     * @param held        the states known from Redis (and, once Redis lost its data, those this process kept)
     * @param pausedSince since when the live channel is not heard, or null
     * @param lostAt      when Redis was found to have lost its data, or null
     */
    PageBodies render(PageScope scope, Map<String, ComponentState> held, String lastEventId, Overlay overlay,
            Instant pausedSince, Instant lostAt) {
        Instant now = Instant.now();
        Map<String, ComponentState> states = shownStates(scope, held, overlay, lostAt, now);
        PageInfo info = scope.info();
        String updatedAt = format(lastUpdate(scope, states, overlay));
        Indicator indicator = PageIndicator.of(scope.components().stream()
                        .map(c -> new PageIndicator.Input(shown(states, overlay, c.id()), c.critical()))
                        .toList(),
                overlay.unresolved().stream().map(i -> i.body().impact()).toList());

        Page page = new Page(info.id(), info.name(), info.url(), info.timeZone().getId(), updatedAt);
        List<StatuspageV2.Component> v2Components = v2Components(scope, states, overlay);
        Map<String, StatuspageV2.Component> byId = new HashMap<>();
        v2Components.forEach(c -> byId.put(c.id(), c));
        List<Incident> unresolved = bodies(overlay.unresolved(), byId);
        List<Incident> openMaintenances = bodies(overlay.openMaintenances(), byId);
        List<Incident> upcoming = openMaintenances.stream()
                .filter(m -> Vocabulary.MAINTENANCE_SCHEDULED.equals(m.status())).toList();
        List<Incident> active = openMaintenances.stream()
                .filter(m -> !Vocabulary.MAINTENANCE_SCHEDULED.equals(m.status())).toList();

        StatusDocument.Live live = pausedSince == null ? StatusDocument.Live.FLOWING
                : new StatusDocument.Live(true, format(pausedSince), StaleWords.pausedSince(pausedSince, now));
        StatusDocument v1 = new StatusDocument(page, indicator, v1Services(scope, states, overlay), unresolved,
                openMaintenances, lastEventId, live);

        return new PageBodies(Map.copyOf(byId),
                encode(new StatuspageV2.Summary(page, v2Components, v2(unresolved), v2(openMaintenances), indicator)),
                encode(new StatuspageV2.StatusBody(page, indicator)),
                encode(new StatuspageV2.ComponentsBody(page, v2Components)),
                encode(v1),
                encode(new StatuspageV2.IncidentsBody(page, v2(bodies(overlay.recentIncidents(), byId)))),
                encode(new StatuspageV2.IncidentsBody(page, v2(unresolved))),
                encode(new StatuspageV2.MaintenancesBody(page, v2(bodies(overlay.recentMaintenances(), byId)))),
                encode(new StatuspageV2.MaintenancesBody(page, v2(upcoming))),
                encode(new StatuspageV2.MaintenancesBody(page, v2(active))));
    }

    /**
     * The state each component shows: the one held, else its last recorded change marked stale (the evaluator has not
     * judged it, or Redis lost its data); a component with neither has never been evaluated.
     */
    private static Map<String, ComponentState> shownStates(PageScope scope, Map<String, ComponentState> held,
            Overlay overlay, Instant lostAt, Instant now) {
        Map<String, ComponentState> shown = new HashMap<>(held);
        for (ComponentDef component : scope.components()) {
            LastKnown known = overlay.lastKnown().get(component.id());
            if (!shown.containsKey(component.id()) && known != null && known.status() != null) {
                Instant silentSince = lostAt != null && lostAt.isAfter(known.at()) ? lostAt : known.at();
                shown.put(component.id(), new ComponentState(component.id(), known.status(), known.at(), known.cause(),
                        known.detail(), true, StaleWords.noLiveDataSince(silentSince, now)));
            }
        }
        return shown;
    }

    private static List<Incident> bodies(List<ShownIncident> incidents, Map<String, StatuspageV2.Component> byId) {
        return incidents.stream().map(i -> i.render(byId)).toList();
    }

    private static List<Incident> v2(List<Incident> bodies) {
        return bodies.stream().map(Incident::forV2).toList();
    }

    private List<StatuspageV2.Component> v2Components(PageScope scope, Map<String, ComponentState> states,
            Overlay overlay) {
        List<StatuspageV2.Component> out = new ArrayList<>();
        String pageId = scope.info().id();
        String created = format(declaredAt);
        int position = 1;
        for (ServiceDef service : scope.services()) {
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

    private List<StatusDocument.Service> v1Services(PageScope scope, Map<String, ComponentState> states,
            Overlay overlay) {
        List<StatusDocument.Service> services = new ArrayList<>();
        for (ServiceDef service : scope.services()) {
            List<StatusDocument.Component> components = new ArrayList<>();
            for (ComponentDef component : service.components()) {
                ComponentState state = states.get(component.id());
                ComponentStatus status = shown(states, overlay, component.id());
                components.add(state == null
                        ? new StatusDocument.Component(component.id(), component.name(), component.description(),
                                status, status.words(), null, null, null, null, false)
                        : new StatusDocument.Component(component.id(), component.name(), component.description(),
                                status, status.words(), format(state.since()), format(state.since()),
                                blankToNull(state.cause()), blankToNull(state.detail()), true, state.stale(),
                                state.staleDetail()));
            }
            ComponentStatus worst = worstOf(states, overlay, service.components());
            services.add(new StatusDocument.Service(service.id(), service.name(), service.description(), worst,
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
    private Instant lastUpdate(PageScope scope, Map<String, ComponentState> states, Overlay overlay) {
        Instant latest = latest(states, scope.components());
        for (List<ShownIncident> shown : List.of(overlay.unresolved(), overlay.recentIncidents(),
                overlay.openMaintenances(), overlay.recentMaintenances())) {
            for (ShownIncident incident : shown) {
                Instant updated = incident.updatedAt();
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
