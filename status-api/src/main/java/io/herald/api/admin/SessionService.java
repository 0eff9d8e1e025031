package io.herald.api.admin;

import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * Operators' sessions: opened once they proved who they are (password or OpenID Connect), random and stored as
 * SHA-256, read back and ended through their bearer token; opening and ending are audited.
 */
@ApplicationScoped
public class SessionService {
    private final AuditLog audit;
    private final AdminConfig config;

    public SessionService(AuditLog audit, AdminConfig config) {
        this.audit = audit;
        this.config = config;
    }

    /**
     * A new session for this operator (method: how they proved who they are, password or oidc), audited as
     * session.create by the operator.
     */
    public Uni<SessionBody> open(OperatorEntity operator, String method) {
        String token = TokenHash.generate("hrs_");
        OperatorSessionEntity session = new OperatorSessionEntity();
        session.operatorId = operator.id;
        session.secretSha256 = TokenHash.sha256Hex(token);
        session.createdAt = Instant.now();
        session.expiresAt = session.createdAt.plus(config.session().lifetime());
        session.method = method;
        Actor actor = new Actor("user:" + operator.username, Scopes.parse(operator.scopes), null);
        return Panache.withTransaction(() -> session.persist()
                .call(() -> audit.record(actor, "session.create", "user:" + operator.id, null,
                        Map.of("method", method)))
                .map(ignored -> new SessionBody(token, session.expiresAt.toString(), operator.username,
                        operator.displayName, Scopes.parse(operator.scopes))));
    }

    /** The session behind this actor's bearer token (400 for an API token). */
    @WithSession
    public Uni<CurrentSession> current(Actor actor) {
        if (actor.sessionId() == null) {
            throw notASession();
        }
        return OperatorSessionEntity.<OperatorSessionEntity>findById(actor.sessionId()).flatMap(session -> {
            if (session == null) {
                throw ProblemException.unauthorized("This session has ended.");
            }
            return OperatorEntity.<OperatorEntity>findById(session.operatorId).map(operator -> {
                if (operator == null) {
                    throw ProblemException.unauthorized("This session has ended.");
                }
                return new CurrentSession(operator.username, operator.displayName, Scopes.parse(operator.scopes),
                        session.method, session.createdAt.toString(), session.expiresAt.toString());
            });
        });
    }

    @WithTransaction
    public Uni<Void> logout(Actor actor) {
        if (actor.sessionId() == null) {
            throw notASession();
        }
        return OperatorSessionEntity.deleteById(actor.sessionId())
                .call(() -> audit.record(actor, "session.delete", actor.name(), null, null)).replaceWithVoid();
    }

    private static ProblemException notASession() {
        return ProblemException.badRequest("not-a-session", "Not a session",
                "This bearer token is an API token, not an operator session; delete tokens with "
                        + "DELETE /api/v1/admin/tokens/{id}.");
    }
}
