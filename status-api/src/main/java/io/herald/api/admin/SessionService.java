package io.herald.api.admin;

import io.herald.model.problem.Problem;
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
    private static final int MAX_ATTEMPTS = 8;
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
        Instant createdAt = Instant.now();
        Instant expiresAt = createdAt.plus(config.session().lifetime());
        Actor actor = new Actor("user:" + operator.username, Scopes.parse(operator.scopes), null);
        return Panache.withTransaction(() -> insert(operator.id, createdAt, expiresAt, method, 1)
                .call(ignored -> audit.record(actor, "session.create", "user:" + operator.id, null,
                        Map.of("method", method)))
                .map(token -> new SessionBody(token, expiresAt.toString(), operator.username, operator.displayName,
                        Scopes.parse(operator.scopes))));
    }

    /**
     * Stores a new session and returns its token. An id or secret taken already (the id sequence behind rows written
     * with explicit ids, a repeated secret) is skipped, not a 500: the row is tried again with the next id and a new
     * secret, a few times.
     */
    private Uni<String> insert(long operatorId, Instant createdAt, Instant expiresAt, String method, int attempt) {
        String token = TokenHash.generate("hrs_");
        return Panache.getSession().flatMap(session -> session.createNativeQuery("INSERT INTO operator_session "
                        + "(operator_id, secret_sha256, created_at, expires_at, method) VALUES (?1, ?2, ?3, ?4, ?5) "
                        + "ON CONFLICT DO NOTHING RETURNING id", Long.class)
                .setParameter(1, operatorId).setParameter(2, TokenHash.sha256Hex(token))
                .setParameter(3, createdAt).setParameter(4, expiresAt).setParameter(5, method)
                .getSingleResultOrNull())
                .flatMap(id -> {
                    if (id != null) {
                        return Uni.createFrom().item(token);
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                        return Uni.createFrom().failure(new ProblemException(Problem.of(503, "session-unavailable",
                                "Session unavailable", "No session could be opened just now; sign in again in a "
                                        + "moment.")));
                    }
                    return insert(operatorId, createdAt, expiresAt, method, attempt + 1);
                });
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
