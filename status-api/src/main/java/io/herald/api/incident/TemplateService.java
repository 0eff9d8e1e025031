package io.herald.api.incident;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AuditLog;
import io.herald.api.http.Fields;
import io.herald.api.read.Vocabulary;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Incident templates: reusable name, title, body, status and impact for common messages. */
@ApplicationScoped
public class TemplateService {
    private final AuditLog audit;

    public TemplateService(AuditLog audit) {
        this.audit = audit;
    }

    @WithSession
    public Uni<List<IncidentRequests.TemplateBody>> list() {
        return IncidentTemplateEntity.<IncidentTemplateEntity>listAll(Sort.ascending("name", "id"))
                .map(all -> all.stream().map(IncidentRequests.TemplateBody::of).toList());
    }

    @WithTransaction
    public Uni<IncidentRequests.TemplateBody> create(Actor actor, IncidentRequests.Template request) {
        IncidentTemplateEntity entity = new IncidentTemplateEntity();
        fill(entity, request);
        return entity.<IncidentTemplateEntity>persist().map(IncidentRequests.TemplateBody::of)
                .call(body -> audit.record(actor, "template.create", "template:" + body.id(), null, body));
    }

    @WithTransaction
    public Uni<IncidentRequests.TemplateBody> replace(Actor actor, long id, IncidentRequests.Template request) {
        return find(id).flatMap(entity -> {
            IncidentRequests.TemplateBody before = IncidentRequests.TemplateBody.of(entity);
            fill(entity, request);
            IncidentRequests.TemplateBody after = IncidentRequests.TemplateBody.of(entity);
            return audit.record(actor, "template.update", "template:" + id, before, after).replaceWith(after);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Actor actor, long id) {
        return find(id).flatMap(entity -> entity.delete()
                .call(() -> audit.record(actor, "template.delete", "template:" + id,
                        IncidentRequests.TemplateBody.of(entity), null)));
    }

    private static Uni<IncidentTemplateEntity> find(long id) {
        return IncidentTemplateEntity.<IncidentTemplateEntity>findById(id).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no incident template '" + id + "'.");
            }
            return found;
        });
    }

    private static void fill(IncidentTemplateEntity entity, IncidentRequests.Template request) {
        Fields.body(request);
        entity.name = Fields.text("name", request.name(), 200);
        entity.title = Fields.text("title", request.title(), 200);
        entity.body = Fields.text("body", request.body(), 20_000);
        entity.status = Fields.oneOf("status", request.status(), Vocabulary.INCIDENT_STATUSES);
        entity.impact = Fields.oneOf("impact", request.impact(), Vocabulary.IMPACTS);
    }
}
