package io.herald.api.incident;

import io.herald.api.read.Vocabulary;
import io.herald.model.ComponentStatus;
import io.herald.model.StatusChange;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
import io.herald.model.status.Incident;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link AutomaticIncidentRule} to a stored change. Runs inside the transaction that stores the change, so
 * a redelivered change never opens or updates an incident twice. An incident tells when things happened: it is
 * created, updated and resolved at the time of the change behind it, also when that change is recorded late (after
 * PostgreSQL was away); only {@code updated_at} is when the record last changed, so readers that look for recent
 * changes (the overlay's stream events) see it.
 */
@ApplicationScoped
public class IncidentAutomation {
    private final IncidentRepository incidents;
    private final IncidentViews views;
    private final Catalog catalog;
    private final IncidentNotifications notifications;
    private final Map<String, String> checkNames = new HashMap<>();

    public IncidentAutomation(IncidentRepository incidents, IncidentViews views, Catalog catalog,
            IncidentNotifications notifications) {
        this.incidents = incidents;
        this.views = views;
        this.catalog = catalog;
        this.notifications = notifications;
        catalog.checks().forEach((id, check) -> checkNames.put(id, check.name()));
    }

    /** @return true when an incident was opened or changed */
    public Uni<Boolean> apply(StatusChange change) {
        ComponentDef component = catalog.component(change.component()).orElse(null);
        if (component == null) {
            return Uni.createFrom().item(false);
        }
        return incidents.openCovering(component.id()).flatMap(open -> {
            Uni<AutomaticIncidentRule.Covering> covering = open == null ? Uni.createFrom().nullItem()
                    : incidents.componentsOf(open.id).map(rows -> {
                        Map<String, ComponentStatus> statuses = new HashMap<>();
                        rows.forEach(r -> statuses.put(r.componentId, ComponentStatus.parse(r.status)
                                .orElse(ComponentStatus.OPERATIONAL)));
                        return new AutomaticIncidentRule.Covering(open.id, open.automatic, open.takenOver,
                                open.impact, statuses);
                    });
            return covering.flatMap(c -> incidents.inMaintenance(component.id()).flatMap(inMaintenance -> {
                AutomaticIncidentRule.Decision decision = AutomaticIncidentRule.decide(change, component,
                        checkNames, c, inMaintenance);
                if (decision instanceof AutomaticIncidentRule.Open o) {
                    return open(change, component, o).replaceWith(true);
                }
                if (decision instanceof AutomaticIncidentRule.Append a) {
                    return append(change, component, open, a).replaceWith(true);
                }
                return Uni.createFrom().item(false);
            }));
        });
    }

    private Uni<Void> open(StatusChange change, ComponentDef component, AutomaticIncidentRule.Open decision) {
        Instant now = Instant.now();
        Instant happened = change.at();
        IncidentEntity incident = new IncidentEntity();
        incident.kind = IncidentEntity.KIND_INCIDENT;
        incident.name = decision.name();
        incident.status = Vocabulary.INVESTIGATING;
        incident.impact = decision.impact();
        incident.automatic = true;
        incident.createdAt = happened;
        incident.updatedAt = now;
        incident.startedAt = change.at();
        incident.updateCount = 1;
        Log.infof("Opening automatic incident '%s' for %s", incident.name, component.id());
        return incidents.persist(incident)
                .flatMap(saved -> IncidentComponentEntity.of(saved.id, component.id(), change.to().wire())
                        .<IncidentComponentEntity>persist())
                .flatMap(ignored -> update(incident, Vocabulary.INVESTIGATING, decision.body(), change, component)
                        .persist())
                .flatMap(ignored -> incidents.withDetails(incident))
                .flatMap(notifications::opened);
    }

    private Uni<Void> append(StatusChange change, ComponentDef component, IncidentEntity incident,
            AutomaticIncidentRule.Append decision) {
        Instant now = Instant.now();
        if (decision.impact() != null) {
            incident.impact = decision.impact();
        }
        if (decision.name() != null) {
            incident.name = decision.name();
        }
        if (decision.resolve()) {
            incident.status = Vocabulary.RESOLVED;
            incident.resolvedAt = change.at();
        }
        incident.updatedAt = now;
        incident.updateCount++;
        return IncidentComponentEntity.<IncidentComponentEntity>findById(key(incident.id, component.id()))
                .flatMap(row -> {
                    if (row == null) {
                        return IncidentComponentEntity.of(incident.id, component.id(), change.to().wire()).persist();
                    }
                    row.status = change.to().wire();
                    return Uni.createFrom().item(row);
                })
                .flatMap(ignored -> update(incident, incident.status, decision.body(), change, component)
                        .<IncidentUpdateEntity>persist())
                .flatMap(update -> incidents.withDetails(incident)
                        .flatMap(data -> notifications.updatedOrResolved(data, update, decision.resolve())));
    }

    private IncidentUpdateEntity update(IncidentEntity incident, String status, String body, StatusChange change,
            ComponentDef component) {
        IncidentUpdateEntity update = new IncidentUpdateEntity();
        update.incidentId = incident.id;
        update.status = status;
        update.body = body;
        update.createdAt = change.at();
        update.displayAt = change.at();
        update.affectedComponents = views.affectedJson(List.of(new Incident.AffectedComponent(component.id(),
                component.name(), change.from() == null ? null : change.from().wire(), change.to().wire())));
        return update;
    }

    static IncidentComponentEntity.Key key(Long incidentId, String componentId) {
        IncidentComponentEntity.Key key = new IncidentComponentEntity.Key();
        key.incidentId = incidentId;
        key.componentId = componentId;
        return key;
    }
}
