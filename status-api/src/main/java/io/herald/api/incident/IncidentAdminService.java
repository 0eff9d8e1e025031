package io.herald.api.incident;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AuditLog;
import io.herald.api.http.Fields;
import io.herald.api.read.Vocabulary;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
import io.herald.model.problem.ProblemException;
import io.herald.model.status.Incident;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators' changes to incidents. Any operator edit of an automatic incident takes it over: from then on
 * automation only appends facts. Every change is audited in the same transaction.
 */
@ApplicationScoped
public class IncidentAdminService {
    private static final int NAME_MAX = 200;
    private static final int BODY_MAX = 20_000;

    private final IncidentRepository incidents;
    private final IncidentViews views;
    private final AuditLog audit;
    private final Catalog catalog;
    private final IncidentNotifications notifications;

    public IncidentAdminService(IncidentRepository incidents, IncidentViews views, AuditLog audit, Catalog catalog,
            IncidentNotifications notifications) {
        this.incidents = incidents;
        this.views = views;
        this.audit = audit;
        this.catalog = catalog;
        this.notifications = notifications;
    }

    /** What the audit log keeps of an incident. */
    public record State(String name, String status, String impact, boolean takenOver, Map<String, String> components) {
    }

    @WithTransaction
    public Uni<IncidentData> create(Actor actor, IncidentRequests.CreateIncident request) {
        Fields.body(request);
        String name = Fields.text("name", request.name(), NAME_MAX);
        String status = Fields.oneOf("status", request.status() == null ? Vocabulary.INVESTIGATING : request.status(),
                Vocabulary.INCIDENT_STATUSES);
        String impact = Fields.oneOf("impact", request.impact() == null ? "none" : request.impact(), Vocabulary.IMPACTS);
        String body = Fields.text("body", request.body(), BODY_MAX);
        Map<String, ComponentStatus> components = components(request.components());
        Instant now = Instant.now();
        IncidentEntity incident = new IncidentEntity();
        incident.kind = IncidentEntity.KIND_INCIDENT;
        incident.name = name;
        incident.status = status;
        incident.impact = impact;
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.startedAt = now;
        incident.updateCount = 1;
        stamp(incident, status, now);
        boolean notify = request.deliverNotifications() == null || request.deliverNotifications();
        return incidents.persist(incident)
                .flatMap(saved -> setComponents(saved, components, Map.of()))
                .flatMap(affected -> newUpdate(incident, status, body, affected, notify, now).persist())
                .flatMap(ignored -> incidents.withDetails(incident))
                .call(data -> audit.record(actor, "incident.create", target(incident), null, state(data)))
                .call(data -> notify ? notifications.opened(data) : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<IncidentData> patch(Actor actor, long id, IncidentRequests.PatchIncident request) {
        Fields.body(request);
        String name = Fields.optionalText("name", request.name(), NAME_MAX);
        String status = request.status() == null ? null
                : Fields.oneOf("status", request.status(), Vocabulary.INCIDENT_STATUSES);
        String impact = request.impact() == null ? null : Fields.oneOf("impact", request.impact(), Vocabulary.IMPACTS);
        return load(id).flatMap(before -> {
            IncidentEntity incident = before.incident();
            if (status != null) {
                checkTransition(incident, status);
            }
            State was = state(before);
            Instant now = Instant.now();
            if (name != null) {
                incident.name = name;
            }
            if (impact != null) {
                incident.impact = impact;
            }
            boolean closedNow = status != null && incident.resolvedAt == null && Vocabulary.isClosed(status);
            if (status != null && !status.equals(incident.status)) {
                incident.status = status;
                stamp(incident, status, now);
            }
            incident.takenOver = incident.takenOver || incident.automatic;
            incident.updatedAt = now;
            return incidents.withDetails(incident)
                    .call(after -> audit.record(actor, "incident.update", target(incident), was, state(after)))
                    .call(after -> closedNow ? notifications.resolved(after) : Uni.createFrom().voidItem());
        });
    }

    @WithTransaction
    public Uni<IncidentData> addUpdate(Actor actor, long id, IncidentRequests.NewUpdate request) {
        Fields.body(request);
        String status = Fields.oneOf("status", request.status(), Vocabulary.INCIDENT_STATUSES);
        String body = Fields.text("body", request.body(), BODY_MAX);
        Map<String, ComponentStatus> components = components(request.components());
        boolean notify = request.deliverNotifications() == null || request.deliverNotifications();
        return load(id).flatMap(before -> {
            IncidentEntity incident = before.incident();
            checkTransition(incident, status);
            State was = state(before);
            Instant now = Instant.now();
            Map<String, String> old = new HashMap<>();
            before.components().forEach(c -> old.put(c.componentId, c.status));
            boolean closedNow = incident.resolvedAt == null && Vocabulary.isClosed(status);
            if (!status.equals(incident.status)) {
                incident.status = status;
                stamp(incident, status, now);
            }
            incident.takenOver = incident.takenOver || incident.automatic;
            incident.updatedAt = now;
            incident.updateCount++;
            return setComponents(incident, components, old)
                    .flatMap(affected -> newUpdate(incident, status, body, affected, notify, now)
                            .<IncidentUpdateEntity>persist())
                    .flatMap(update -> incidents.withDetails(incident)
                            .call(after -> audit.record(actor, "incident.add_update", target(incident), was,
                                    state(after)))
                            .call(after -> notify ? notifications.updatedOrResolved(after, update, closedNow)
                                    : Uni.createFrom().voidItem()));
        });
    }

    @WithTransaction
    public Uni<IncidentData> resolve(Actor actor, long id, IncidentRequests.Resolve request) {
        String body = request == null || request.body() == null || request.body().isBlank()
                ? "This incident has been resolved." : Fields.text("body", request.body(), BODY_MAX);
        return load(id).flatMap(before -> {
            IncidentEntity incident = before.incident();
            if (Vocabulary.isClosed(incident.status)) {
                throw ProblemException.conflict("Incident " + id + " is already " + incident.status + ".");
            }
            State was = state(before);
            Instant now = Instant.now();
            incident.status = Vocabulary.RESOLVED;
            stamp(incident, Vocabulary.RESOLVED, now);
            incident.takenOver = incident.takenOver || incident.automatic;
            incident.updatedAt = now;
            incident.updateCount++;
            return newUpdate(incident, Vocabulary.RESOLVED, body, null, true, now).persist()
                    .flatMap(ignored -> incidents.withDetails(incident))
                    .call(after -> audit.record(actor, "incident.resolve", target(incident), was, state(after)))
                    .call(notifications::resolved);
        });
    }

    private Uni<IncidentData> load(long id) {
        return incidents.findById(id).flatMap(found -> {
            if (found == null || !IncidentEntity.KIND_INCIDENT.equals(found.kind)) {
                throw ProblemException.notFound("There is no incident '" + id + "'.");
            }
            return incidents.withDetails(found);
        });
    }

    /** A closed incident (resolved, postmortem) may only move to resolved or postmortem. */
    private static void checkTransition(IncidentEntity incident, String to) {
        if (Vocabulary.isClosed(incident.status) && !Vocabulary.isClosed(to)) {
            throw ProblemException.conflict("Incident " + incident.id + " is " + incident.status
                    + "; it cannot go back to " + to + ". Open a new incident instead.");
        }
    }

    private static void stamp(IncidentEntity incident, String status, Instant now) {
        if (Vocabulary.MONITORING.equals(status) && incident.monitoringAt == null) {
            incident.monitoringAt = now;
        }
        if (Vocabulary.isClosed(status) && incident.resolvedAt == null) {
            incident.resolvedAt = now;
        }
    }

    private Map<String, ComponentStatus> components(Map<String, String> requested) {
        Map<String, ComponentStatus> out = new LinkedHashMap<>();
        if (requested == null) {
            return out;
        }
        requested.forEach((id, status) -> {
            if (catalog.component(id).isEmpty()) {
                throw ProblemException.invalidField("components", "The field 'components' names '" + id
                        + "', which is not a component of this page.");
            }
            out.put(id, ComponentStatus.parse(status).orElseThrow(() -> ProblemException.invalidField("components",
                    "The field 'components' gives '" + id + "' the status '" + status + "'; expected one of "
                            + "operational, under_maintenance, degraded_performance, partial_outage, major_outage.")));
        });
        return out;
    }

    private Uni<List<Incident.AffectedComponent>> setComponents(IncidentEntity incident,
            Map<String, ComponentStatus> components, Map<String, String> old) {
        List<Incident.AffectedComponent> affected = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, ComponentStatus> entry : components.entrySet()) {
            ComponentDef component = catalog.component(entry.getKey()).orElseThrow();
            String was = old.get(component.id());
            affected.add(new Incident.AffectedComponent(component.id(), component.name(),
                    was == null ? ComponentStatus.OPERATIONAL.wire() : was, entry.getValue().wire()));
            chain = chain.flatMap(ignored -> IncidentComponentEntity.<IncidentComponentEntity>findById(
                    IncidentAutomation.key(incident.id, component.id())).flatMap(row -> {
                        if (row == null) {
                            return IncidentComponentEntity.of(incident.id, component.id(), entry.getValue().wire())
                                    .persist().replaceWithVoid();
                        }
                        row.status = entry.getValue().wire();
                        return Uni.createFrom().voidItem();
                    }));
        }
        return chain.map(ignored -> affected);
    }

    private IncidentUpdateEntity newUpdate(IncidentEntity incident, String status, String body,
            List<Incident.AffectedComponent> affected, boolean notify, Instant now) {
        IncidentUpdateEntity update = new IncidentUpdateEntity();
        update.incidentId = incident.id;
        update.status = status;
        update.body = body;
        update.createdAt = now;
        update.displayAt = now;
        update.affectedComponents = views.affectedJson(affected);
        update.deliverNotifications = notify;
        return update;
    }

    static String target(IncidentEntity incident) {
        return (incident.isMaintenance() ? "maintenance:" : "incident:") + incident.id;
    }

    static State state(IncidentData data) {
        Map<String, String> components = new LinkedHashMap<>();
        data.components().forEach(c -> components.put(c.componentId, c.status));
        IncidentEntity i = data.incident();
        return new State(i.name, i.status, i.impact, i.takenOver, components);
    }
}
