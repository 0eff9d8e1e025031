package io.herald.api.maintenance;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AuditLog;
import io.herald.api.http.Fields;
import io.herald.api.incident.IncidentComponentEntity;
import io.herald.api.incident.IncidentData;
import io.herald.api.incident.IncidentEntity;
import io.herald.api.incident.IncidentNotifications;
import io.herald.api.incident.IncidentRepository;
import io.herald.api.incident.IncidentRequests;
import io.herald.api.incident.IncidentUpdateEntity;
import io.herald.api.read.Vocabulary;
import io.herald.api.subscriber.NotificationType;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.Catalog;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scheduled maintenances: operators create, change and cancel them; {@link #advance} moves them on time. Moves are
 * conditional updates ({@code ... WHERE status = <old>}), so several replicas ticking at once move each one once.
 */
@ApplicationScoped
public class MaintenanceService {
    private final IncidentRepository incidents;
    private final AuditLog audit;
    private final Catalog catalog;
    private final MaintenanceConfig config;
    private final IncidentNotifications notifications;

    public MaintenanceService(IncidentRepository incidents, AuditLog audit, Catalog catalog, MaintenanceConfig config,
            IncidentNotifications notifications) {
        this.incidents = incidents;
        this.audit = audit;
        this.catalog = catalog;
        this.config = config;
        this.notifications = notifications;
    }

    public record State(String name, String status, String scheduledFor, String scheduledUntil,
            Set<String> components, boolean autoTransition) {
    }

    @WithTransaction
    public Uni<IncidentData> create(Actor actor, IncidentRequests.CreateMaintenance request) {
        Fields.body(request);
        String name = Fields.text("name", request.name(), 200);
        String body = request.body() == null || request.body().isBlank() ? MaintenanceClock.words(
                Vocabulary.MAINTENANCE_SCHEDULED) : Fields.text("body", request.body(), 20_000);
        Instant from = Fields.time("scheduled_for", request.scheduledFor());
        Instant until = Fields.time("scheduled_until", request.scheduledUntil());
        if (!until.isAfter(from)) {
            throw ProblemException.invalidField("scheduled_until", "The field 'scheduled_until' must be after "
                    + "'scheduled_for'.");
        }
        Set<String> components = components(request.components(), true);
        Instant now = Instant.now();
        IncidentEntity m = new IncidentEntity();
        m.kind = IncidentEntity.KIND_MAINTENANCE;
        m.name = name;
        m.status = Vocabulary.MAINTENANCE_SCHEDULED;
        m.impact = Vocabulary.MAINTENANCE_IMPACT;
        m.autoTransition = request.autoTransition() == null || request.autoTransition();
        m.createdAt = now;
        m.updatedAt = now;
        m.startedAt = from;
        m.scheduledFor = from;
        m.scheduledUntil = until;
        m.updateCount = 1;
        return incidents.persist(m)
                .flatMap(saved -> replaceComponents(saved, components))
                .flatMap(ignored -> update(m, Vocabulary.MAINTENANCE_SCHEDULED, body, now).persist())
                .flatMap(ignored -> incidents.withDetails(m))
                .call(data -> audit.record(actor, "maintenance.create", "maintenance:" + m.id, null, state(data)))
                .call(data -> notifications.maintenance(NotificationType.MAINTENANCE_SCHEDULED, data));
    }

    @WithTransaction
    public Uni<IncidentData> patch(Actor actor, long id, IncidentRequests.PatchMaintenance request) {
        Fields.body(request);
        String name = Fields.optionalText("name", request.name(), 200);
        String body = Fields.optionalText("body", request.body(), 20_000);
        String status = request.status() == null ? null
                : Fields.oneOf("status", request.status(), Vocabulary.MAINTENANCE_STATUSES);
        Instant from = request.scheduledFor() == null ? null : Fields.time("scheduled_for", request.scheduledFor());
        Instant until = request.scheduledUntil() == null ? null
                : Fields.time("scheduled_until", request.scheduledUntil());
        Set<String> components = request.components() == null ? null : components(request.components(), true);
        return load(id).flatMap(before -> {
            IncidentEntity m = before.incident();
            if (Vocabulary.MAINTENANCE_COMPLETED.equals(m.status)) {
                throw ProblemException.conflict("Maintenance " + id + " is completed; it cannot change any more.");
            }
            if (status != null && !MaintenanceClock.allowed(m.status, status)) {
                throw ProblemException.conflict("Maintenance " + id + " is " + m.status + "; it cannot go to " + status
                        + " (a maintenance only moves forward: scheduled, in_progress, verifying, completed).");
            }
            Instant newFrom = from == null ? m.scheduledFor : from;
            Instant newUntil = until == null ? m.scheduledUntil : until;
            if (!newUntil.isAfter(newFrom)) {
                throw ProblemException.invalidField("scheduled_until", "The field 'scheduled_until' must be after "
                        + "'scheduled_for'.");
            }
            State was = state(before);
            Instant now = Instant.now();
            if (name != null) {
                m.name = name;
            }
            m.scheduledFor = newFrom;
            m.startedAt = newFrom;
            m.scheduledUntil = newUntil;
            if (request.autoTransition() != null) {
                m.autoTransition = request.autoTransition();
            }
            boolean moved = status != null && !status.equals(m.status);
            if (moved) {
                m.status = status;
                if (Vocabulary.MAINTENANCE_COMPLETED.equals(status)) {
                    m.resolvedAt = now;
                    m.endedAt = now;
                }
            }
            m.updatedAt = now;
            m.revision++;
            Uni<Void> posted = Uni.createFrom().voidItem();
            if (body != null || moved) {
                m.updateCount++;
                posted = update(m, m.status, body != null ? body : MaintenanceClock.words(m.status), now).persist()
                        .replaceWithVoid();
            }
            Uni<Void> replaced = components == null ? Uni.createFrom().voidItem() : replaceComponents(m, components);
            return posted.flatMap(ignored -> replaced).flatMap(ignored -> incidents.withDetails(m))
                    .call(after -> audit.record(actor, "maintenance.update", "maintenance:" + id, was, state(after)))
                    .call(after -> moved ? notifyMove(after) : Uni.createFrom().voidItem());
        });
    }

    @WithTransaction
    public Uni<IncidentData> cancel(Actor actor, long id) {
        return load(id).flatMap(before -> {
            IncidentEntity m = before.incident();
            if (Vocabulary.MAINTENANCE_COMPLETED.equals(m.status)) {
                throw ProblemException.conflict("Maintenance " + id + " is already completed.");
            }
            State was = state(before);
            Instant now = Instant.now();
            m.status = Vocabulary.MAINTENANCE_COMPLETED;
            m.resolvedAt = now;
            m.endedAt = now;
            m.cancelledAt = now;
            m.updatedAt = now;
            m.updateCount++;
            m.revision++;
            return update(m, m.status, "This maintenance has been cancelled.", now).persist()
                    .flatMap(ignored -> incidents.withDetails(m))
                    .call(after -> audit.record(actor, "maintenance.cancel", "maintenance:" + id, was, state(after)))
                    .call(after -> notifications.maintenance(NotificationType.MAINTENANCE_COMPLETED, after));
        });
    }

    /** Moves every maintenance that is due one step on; returns how many moved. */
    @WithTransaction
    public Uni<Integer> advance(Instant now) {
        return incidents.list("kind = ?1 and autoTransition = true and status in ?2", IncidentEntity.KIND_MAINTENANCE,
                List.of(Vocabulary.MAINTENANCE_SCHEDULED, Vocabulary.MAINTENANCE_IN_PROGRESS,
                        Vocabulary.MAINTENANCE_VERIFYING)).flatMap(due -> {
                            Uni<Integer> chain = Uni.createFrom().item(0);
                            for (IncidentEntity m : due) {
                                String next = MaintenanceClock.next(m.status, m.scheduledFor, m.scheduledUntil,
                                        config.verifying(), now);
                                if (next == null) {
                                    continue;
                                }
                                chain = chain.flatMap(count -> move(m, next, now).map(moved -> count + moved));
                            }
                            return chain;
                        });
    }

    private Uni<Integer> move(IncidentEntity m, String next, Instant now) {
        String old = m.status;
        String set = Vocabulary.MAINTENANCE_COMPLETED.equals(next)
                ? "status = ?1, updatedAt = ?2, updateCount = updateCount + 1, revision = revision + 1, resolvedAt = ?2"
                : "status = ?1, updatedAt = ?2, updateCount = updateCount + 1, revision = revision + 1";
        return incidents.update(set + " where id = ?3 and status = ?4", next, now, m.id, old).flatMap(rows -> {
                    if (rows == 0) {
                        return Uni.createFrom().item(0);
                    }
                    // the conditional update bypassed the loaded entity: reload it before telling subscribers
                    return update(m, next, MaintenanceClock.words(next), now).persist()
                            .flatMap(ignored -> Panache.getSession())
                            .flatMap(session -> session.refresh(m))
                            .flatMap(ignored -> incidents.withDetails(m))
                            .flatMap(this::notifyMove)
                            .replaceWith(1);
                });
    }

    /** Started when it went in progress, completed when it completed; verifying tells nobody. */
    private Uni<Void> notifyMove(IncidentData data) {
        String status = data.incident().status;
        if (Vocabulary.MAINTENANCE_IN_PROGRESS.equals(status)) {
            return notifications.maintenance(NotificationType.MAINTENANCE_STARTED, data);
        }
        if (Vocabulary.MAINTENANCE_COMPLETED.equals(status)) {
            return notifications.maintenance(NotificationType.MAINTENANCE_COMPLETED, data);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<IncidentData> load(long id) {
        return incidents.findById(id).flatMap(found -> {
            if (found == null || !IncidentEntity.KIND_MAINTENANCE.equals(found.kind)) {
                throw ProblemException.notFound("There is no maintenance '" + id + "'.");
            }
            return incidents.withDetails(found);
        });
    }

    private Set<String> components(List<String> ids, boolean required) {
        if (ids == null || ids.isEmpty()) {
            if (required) {
                throw ProblemException.invalidField("components", "The field 'components' must list at least one "
                        + "component id.");
            }
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || catalog.component(id).isEmpty()) {
                throw ProblemException.invalidField("components", "The field 'components' names '" + id
                        + "', which is not a component of this page.");
            }
            out.add(id);
        }
        return out;
    }

    private Uni<Void> replaceComponents(IncidentEntity m, Set<String> components) {
        return IncidentComponentEntity.delete("incidentId", m.id).flatMap(ignored -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String id : components) {
                chain = chain.flatMap(x -> IncidentComponentEntity.of(m.id, id,
                        ComponentStatus.UNDER_MAINTENANCE.wire()).persist().replaceWithVoid());
            }
            return chain;
        });
    }

    private static IncidentUpdateEntity update(IncidentEntity m, String status, String body, Instant now) {
        IncidentUpdateEntity update = new IncidentUpdateEntity();
        update.incidentId = m.id;
        update.status = status;
        update.body = body;
        update.createdAt = now;
        update.displayAt = now;
        return update;
    }

    private static State state(IncidentData data) {
        IncidentEntity m = data.incident();
        Set<String> components = new LinkedHashSet<>();
        data.components().forEach(c -> components.add(c.componentId));
        return new State(m.name, m.status, String.valueOf(m.scheduledFor), String.valueOf(m.scheduledUntil),
                components, m.autoTransition);
    }
}
