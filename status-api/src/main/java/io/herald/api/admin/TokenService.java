package io.herald.api.admin;

import io.herald.api.http.Fields;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** API tokens: random, shown once, stored as SHA-256; every change audited. */
@ApplicationScoped
public class TokenService {
    private final AuditLog audit;

    public TokenService(AuditLog audit) {
        this.audit = audit;
    }

    @WithSession
    public Uni<List<TokenBody>> tokens() {
        return ApiTokenEntity.<ApiTokenEntity>listAll(Sort.ascending("id"))
                .map(all -> all.stream().map(TokenBody::of).toList());
    }

    @WithTransaction
    public Uni<NewToken> create(Actor actor, TokenRequest request) {
        Fields.body(request);
        ApiTokenEntity entity = new ApiTokenEntity();
        entity.name = Fields.text("name", request.name(), 100);
        entity.scopes = Scopes.format(Scopes.requested(request.scopes()));
        String token = TokenHash.generate("hrd_");
        entity.secretSha256 = TokenHash.sha256Hex(token);
        entity.createdAt = Instant.now();
        return entity.<ApiTokenEntity>persist().map(saved -> new NewToken(Long.toString(saved.id), saved.name,
                        Scopes.parse(saved.scopes), token, saved.createdAt.toString()))
                .call(created -> audit.record(actor, "token.create", "token:" + created.id(), null,
                        TokenBody.of(entity)));
    }

    @WithTransaction
    public Uni<Void> delete(Actor actor, long id) {
        return ApiTokenEntity.<ApiTokenEntity>findById(id).flatMap(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no token '" + id + "'.");
            }
            TokenBody before = TokenBody.of(found);
            return found.delete().call(() -> audit.record(actor, "token.delete", "token:" + id, before, null));
        });
    }
}
