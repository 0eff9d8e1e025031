package io.herald.api.override;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.api.admin.Actor;
import io.herald.api.admin.AuditLog;
import io.herald.api.http.Fields;
import io.herald.model.problem.ProblemException;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.Catalog;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator's override of what a component shows, until it expires; audited. */
@ApplicationScoped
public class OverrideService {
    private static final List<String> STATUSES = Arrays.stream(ComponentStatus.values()).map(ComponentStatus::wire)
            .toList();
    private final Catalog catalog;
    private final AuditLog audit;

    public OverrideService(Catalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    public record Request(
            @JsonProperty("status") @Schema(example = "under_maintenance") String status,
            @JsonProperty("until") @Schema(example = "2026-11-26T18:00:00+01:00") String until,
            @JsonProperty("reason") @Schema(example = "Network work by the provider") String reason) {
    }

    public record Body(
            @JsonProperty("component") String component,
            @JsonProperty("status") String status,
            @JsonProperty("until") String until,
            @JsonProperty("reason") String reason,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("created_at") String createdAt) {

        static Body of(ComponentOverrideEntity e) {
            return new Body(e.componentId, e.status, e.until.toString(), e.reason, e.createdBy, e.createdAt.toString());
        }
    }

    @WithTransaction
    public Uni<Body> put(Actor actor, String componentId, Request request) {
        checkComponent(componentId);
        Fields.body(request);
        String status = Fields.oneOf("status", request.status(), STATUSES);
        Instant until = Fields.time("until", request.until());
        if (!until.isAfter(Instant.now())) {
            throw ProblemException.invalidField("until", "The field 'until' must be in the future.");
        }
        String reason = request.reason() == null ? null : Fields.text("reason", request.reason(), 500);
        return ComponentOverrideEntity.<ComponentOverrideEntity>findById(componentId).flatMap(existing -> {
            Body before = existing == null ? null : Body.of(existing);
            ComponentOverrideEntity entity = existing == null ? new ComponentOverrideEntity() : existing;
            entity.componentId = componentId;
            entity.status = status;
            entity.until = until;
            entity.reason = reason;
            entity.createdBy = actor.name();
            entity.createdAt = Instant.now();
            Uni<ComponentOverrideEntity> saved = existing == null ? entity.persist() : Uni.createFrom().item(entity);
            return saved.map(Body::of).call(after -> audit.record(actor, "component.override", "component:"
                    + componentId, before, after));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Actor actor, String componentId) {
        checkComponent(componentId);
        return ComponentOverrideEntity.<ComponentOverrideEntity>findById(componentId).flatMap(existing -> {
            if (existing == null) {
                throw ProblemException.notFound("Component '" + componentId + "' has no override.");
            }
            Body before = Body.of(existing);
            return existing.delete().call(() -> audit.record(actor, "component.override_remove",
                    "component:" + componentId, before, null));
        });
    }

    private void checkComponent(String componentId) {
        if (catalog.component(componentId).isEmpty()) {
            throw ProblemException.notFound("There is no component '" + componentId + "' on this page.");
        }
    }
}
