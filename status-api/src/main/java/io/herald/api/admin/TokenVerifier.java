package io.herald.api.admin;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Finds who a bearer token belongs to: an API token or a live operator session. Rows are found by the SHA-256 of
 * the presented token and the digests are then compared in constant time; the token itself is never stored.
 */
@ApplicationScoped
public class TokenVerifier {

    /** The actor, or null when the token is unknown or its session expired. */
    @WithSession
    public Uni<Actor> verify(String token) {
        String digest = TokenHash.sha256Hex(token);
        return ApiTokenEntity.<ApiTokenEntity>find("secretSha256", digest).firstResult().flatMap(apiToken -> {
            if (apiToken != null && TokenHash.sameDigest(apiToken.secretSha256, digest)) {
                return Uni.createFrom().item(new Actor("token:" + apiToken.name, Scopes.parse(apiToken.scopes), null));
            }
            return OperatorSessionEntity.<OperatorSessionEntity>find("secretSha256", digest).firstResult()
                    .flatMap(session -> {
                        if (session == null || !TokenHash.sameDigest(session.secretSha256, digest)
                                || !session.expiresAt.isAfter(Instant.now())) {
                            return Uni.createFrom().nullItem();
                        }
                        return OperatorEntity.<OperatorEntity>findById(session.operatorId).map(operator ->
                                operator == null ? null : new Actor("user:" + operator.username,
                                        Scopes.parse(operator.scopes), session.id));
                    });
        });
    }
}
