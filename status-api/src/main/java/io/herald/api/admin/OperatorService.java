package io.herald.api.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.api.http.Fields;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * API tokens, operators and their sessions. Passwords are bcrypt (hashed and checked on a worker thread, never on
 * the event loop); tokens and session tokens are random and stored as SHA-256.
 */
@ApplicationScoped
public class OperatorService {
    private static final int BCRYPT_COST = 10;
    // Checked when the user is unknown, so that both wrong answers take the same time.
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(BCRYPT_COST,
            "not-a-password".toCharArray());

    private final AuditLog audit;
    private final AdminConfig config;
    private final Vertx vertx;

    private final boolean oidcEnabled;

    private final io.herald.api.http.RateLimiter limiter;
    private final io.herald.model.RedisKeys keys;

    public OperatorService(AuditLog audit, AdminConfig config, Vertx vertx,
            io.herald.api.admin.oidc.OidcConfig oidc, io.herald.api.http.RateLimiter limiter,
            io.herald.model.RedisKeys keys) {
        this.limiter = limiter;
        this.keys = keys;
        this.audit = audit;
        this.config = config;
        this.vertx = vertx;
        this.oidcEnabled = oidc.enabled();
    }

    public record TokenRequest(
            @JsonProperty("name") @Schema(example = "alertmanager-bridge") String name,
            @JsonProperty("scopes") @Schema(example = "[\"incidents:write\"]") List<String> scopes) {
    }

    /** A token as listed (never the token itself). */
    public record TokenBody(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("scopes") Set<String> scopes,
            @JsonProperty("created_at") String createdAt) {

        static TokenBody of(ApiTokenEntity t) {
            return new TokenBody(Long.toString(t.id), t.name, Scopes.parse(t.scopes), t.createdAt.toString());
        }
    }

    /** The answer to creating a token: the only time the token is shown. */
    public record NewToken(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("scopes") Set<String> scopes,
            @JsonProperty("token") String token,
            @JsonProperty("created_at") String createdAt) {
    }

    public record UserRequest(
            @JsonProperty("username") @Schema(example = "alice") String username,
            @JsonProperty("display_name") @Schema(example = "Alice Martin") String displayName,
            @JsonProperty("password") @Schema(description = "12 to 72 bytes; leave out for an operator who only "
                    + "signs in through the OpenID Connect provider") String password,
            @JsonProperty("email") @Schema(example = "alice@example.org", description = "Matched against the "
                    + "provider's email claim at the first OpenID Connect sign-in") String email,
            @JsonProperty("scopes") @Schema(example = "[\"incidents:write\", \"maintenance:write\"]")
            List<String> scopes) {
    }

    public record UserChange(
            @JsonProperty("display_name") @Schema(example = "Alice Martin") String displayName,
            @JsonProperty("email") @Schema(example = "alice@example.org", description = "A new address; an empty "
                    + "string removes it") String email,
            @JsonProperty("scopes") @Schema(example = "[\"incidents:write\"]") List<String> scopes,
            @JsonProperty("unlink_oidc") @Schema(description = "true forgets the identity at the OpenID Connect "
                    + "provider linked to this operator, so the next sign-in links again by the claim")
            Boolean unlinkOidc) {
    }

    public record UserBody(
            @JsonProperty("id") String id,
            @JsonProperty("username") String username,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("email") String email,
            @JsonProperty("scopes") Set<String> scopes,
            @JsonProperty("password") @Schema(description = "Whether the operator can log in with a password")
            boolean password,
            @JsonProperty("oidc_linked") @Schema(description = "Whether an identity at the OpenID Connect provider "
                    + "is linked") boolean oidcLinked,
            @JsonProperty("created_at") String createdAt) {

        public static UserBody of(OperatorEntity o) {
            return new UserBody(Long.toString(o.id), o.username, o.displayName, o.email, Scopes.parse(o.scopes),
                    o.passwordBcrypt != null, o.oidcSubject != null, o.createdAt.toString());
        }
    }

    public record LoginRequest(
            @JsonProperty("username") @Schema(example = "alice") String username,
            @JsonProperty("password") String password) {
    }

    public record SessionBody(
            @JsonProperty("token") String token,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("username") String username,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("scopes") Set<String> scopes) {
    }

    /** The session behind a bearer token, without the token. */
    public record CurrentSession(
            @JsonProperty("username") String username,
            @JsonProperty("display_name") String displayName,
            @JsonProperty("scopes") Set<String> scopes,
            @JsonProperty("method") @Schema(example = "password", description = "password or oidc") String method,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("expires_at") String expiresAt) {
    }

    @WithSession
    public Uni<List<TokenBody>> tokens() {
        return ApiTokenEntity.<ApiTokenEntity>listAll(Sort.ascending("id"))
                .map(all -> all.stream().map(TokenBody::of).toList());
    }

    @WithTransaction
    public Uni<NewToken> createToken(Actor actor, TokenRequest request) {
        Fields.body(request);
        ApiTokenEntity entity = new ApiTokenEntity();
        entity.name = Fields.text("name", request.name(), 100);
        entity.scopes = Scopes.format(scopes(request.scopes()));
        String token = TokenHash.generate("hrd_");
        entity.secretSha256 = TokenHash.sha256Hex(token);
        entity.createdAt = Instant.now();
        return entity.<ApiTokenEntity>persist().map(saved -> new NewToken(Long.toString(saved.id), saved.name,
                        Scopes.parse(saved.scopes), token, saved.createdAt.toString()))
                .call(created -> audit.record(actor, "token.create", "token:" + created.id(), null,
                        TokenBody.of(entity)));
    }

    @WithTransaction
    public Uni<Void> deleteToken(Actor actor, long id) {
        return ApiTokenEntity.<ApiTokenEntity>findById(id).flatMap(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no token '" + id + "'.");
            }
            TokenBody before = TokenBody.of(found);
            return found.delete().call(() -> audit.record(actor, "token.delete", "token:" + id, before, null));
        });
    }

    @WithSession
    public Uni<List<UserBody>> users() {
        return OperatorEntity.<OperatorEntity>listAll(Sort.ascending("username"))
                .map(all -> all.stream().map(UserBody::of).toList());
    }

    /**
     * Hashes the password on a worker thread, then stores the operator. Without a password the operator can only
     * sign in through the OpenID Connect provider, so one is required while no provider is configured.
     */
    public Uni<UserBody> createUser(Actor actor, UserRequest request) {
        Fields.body(request);
        String username = Fields.text("username", request.username(), 100);
        if (!username.matches("[A-Za-z0-9._@-]+")) {
            throw ProblemException.invalidField("username", "The field 'username' may only hold letters, digits and "
                    + ". _ @ -.");
        }
        String displayName = request.displayName() == null || request.displayName().isBlank() ? username
                : Fields.text("display_name", request.displayName(), 200);
        String email = request.email() == null || request.email().isBlank() ? null : request.email().trim();
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw ProblemException.invalidField("email", "The field 'email' is not an email address.");
        }
        String password = request.password();
        if (password == null && !oidcEnabled) {
            throw ProblemException.invalidField("password", "The field 'password' must have 12 to 72 bytes (an "
                    + "operator without a password signs in through the OpenID Connect provider, and none is "
                    + "configured).");
        }
        if (password != null && (password.length() < 12 || password.getBytes(StandardCharsets.UTF_8).length > 72)) {
            throw ProblemException.invalidField("password", "The field 'password' must have 12 to 72 bytes.");
        }
        Set<String> scopes = scopes(request.scopes());
        if (password == null) {
            return storeUser(actor, username, displayName, email, null, scopes);
        }
        return blocking(() -> BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray()))
                .flatMap(hash -> storeUser(actor, username, displayName, email, hash, scopes));
    }

    // Called from this bean after the hash: programmatic transactions, since interceptors skip self-calls.
    private Uni<UserBody> storeUser(Actor actor, String username, String displayName, String email, String hash,
            Set<String> scopes) {
        return Panache.withTransaction(() -> OperatorEntity.count("username", username).flatMap(count -> {
            if (count > 0) {
                throw ProblemException.conflict("An operator named '" + username + "' exists already.");
            }
            return email == null ? Uni.createFrom().item(0L)
                    : OperatorEntity.count("lower(email) = ?1", email.toLowerCase(java.util.Locale.ROOT));
        }).flatMap(sameEmail -> {
            if (sameEmail > 0) {
                throw ProblemException.conflict("An operator with the email '" + email + "' exists already.");
            }
            OperatorEntity operator = new OperatorEntity();
            operator.username = username;
            operator.displayName = displayName;
            operator.email = email;
            operator.passwordBcrypt = hash;
            operator.scopes = Scopes.format(scopes);
            operator.createdAt = Instant.now();
            return operator.<OperatorEntity>persist().map(UserBody::of)
                    .call(body -> audit.record(actor, "user.create", "user:" + body.id(), null, body));
        }));
    }

    /**
     * Changes an operator: name shown, email, scopes, or the link to the provider's identity. Fields left out stay as
     * they are. The operator's open sessions end when their scopes or identity change, so no session keeps rights or
     * an identity the operator no longer has.
     */
    @WithTransaction
    public Uni<UserBody> updateUser(Actor actor, long id, UserChange change) {
        Fields.body(change);
        String displayName = change.displayName() == null ? null : Fields.text("display_name", change.displayName(), 200);
        String email = change.email() == null ? null : change.email().trim();
        if (email != null && !email.isEmpty()
                && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw ProblemException.invalidField("email", "The field 'email' is not an email address.");
        }
        Set<String> scopes = change.scopes() == null ? null : scopes(change.scopes());
        boolean unlink = Boolean.TRUE.equals(change.unlinkOidc());
        return OperatorEntity.<OperatorEntity>findById(id).flatMap(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no operator '" + id + "'.");
            }
            Uni<Long> sameEmail = email == null || email.isEmpty() ? Uni.createFrom().item(0L)
                    : OperatorEntity.count("lower(email) = ?1 and id <> ?2", email.toLowerCase(java.util.Locale.ROOT), id);
            return sameEmail.flatMap(count -> {
                if (count > 0) {
                    throw ProblemException.conflict("An operator with the email '" + email + "' exists already.");
                }
                UserBody before = UserBody.of(found);
                if (displayName != null) {
                    found.displayName = displayName;
                }
                if (email != null) {
                    found.email = email.isEmpty() ? null : email;
                }
                boolean rightsChanged = scopes != null && !scopes.equals(Scopes.parse(found.scopes));
                if (scopes != null) {
                    found.scopes = Scopes.format(scopes);
                }
                boolean identityChanged = unlink && found.oidcSubject != null;
                if (unlink) {
                    found.oidcIssuer = null;
                    found.oidcSubject = null;
                }
                Uni<Long> ended = rightsChanged || identityChanged
                        ? OperatorSessionEntity.delete("operatorId", id) : Uni.createFrom().item(0L);
                return ended.map(n -> UserBody.of(found))
                        .call(after -> audit.record(actor, "user.update", "user:" + id, before, after));
            });
        });
    }

    @WithTransaction
    public Uni<Void> deleteUser(Actor actor, long id) {
        return OperatorEntity.<OperatorEntity>findById(id).flatMap(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no operator '" + id + "'.");
            }
            UserBody before = UserBody.of(found);
            return OperatorSessionEntity.delete("operatorId", id).flatMap(n -> found.delete())
                    .call(() -> audit.record(actor, "user.delete", "user:" + id, before, null));
        });
    }

    /** A session for the right username and password; the same 401 for an unknown user and a wrong password. */
    public Uni<SessionBody> login(LoginRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            return Uni.createFrom().failure(wrongCredentials());
        }
        String username = request.username().trim();
        // Password guessing is slowed per operator name, before any bcrypt work: every attempt takes a token.
        String bucket = keys.loginRate(TokenHash.sha256Hex(username.toLowerCase(java.util.Locale.ROOT)));
        return limiter.take(bucket, config.session().loginBurst(), config.session().loginPerMinute())
                .flatMap(waitMillis -> {
                    if (waitMillis > 0) {
                        long seconds = io.herald.api.http.RateLimiter.seconds(waitMillis);
                        return Uni.createFrom().failure(new io.herald.model.problem.ProblemException(
                                io.herald.model.problem.Problem.of(429, "too-many-sign-in-attempts",
                                        "Too many sign-in attempts", "Too many sign-in attempts for this operator "
                                                + "name; try again in " + seconds + " s."),
                                java.util.Map.of("Retry-After", Long.toString(seconds))));
                    }
                    return passwordLogin(username, request.password());
                });
    }

    private Uni<SessionBody> passwordLogin(String username, String password) {
        LoginRequest request = new LoginRequest(username, password);
        return findOperator(request.username()).flatMap(operator -> {
            // an operator without a password (OpenID Connect only) is refused like an unknown one, after the same work
            boolean usable = operator != null && operator.passwordBcrypt != null;
            String hash = usable ? operator.passwordBcrypt : DUMMY_HASH;
            return blocking(() -> BCrypt.verifyer().verify(request.password().toCharArray(), hash).verified)
                    .flatMap(ok -> {
                        if (!usable || !ok) {
                            return Uni.createFrom().failure(wrongCredentials());
                        }
                        return openSession(operator, "password");
                    });
        });
    }

    private Uni<OperatorEntity> findOperator(String username) {
        return Panache.withSession(() -> OperatorEntity.<OperatorEntity>find("username", username).firstResult());
    }

    /**
     * A new session for this operator (method: how they proved who they are, password or oidc), audited as
     * session.create by the operator.
     */
    public Uni<SessionBody> openSession(OperatorEntity operator, String method) {
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
                        java.util.Map.of("method", method)))
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

    private static Set<String> scopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ProblemException.invalidField("scopes", "The field 'scopes' must list at least one of "
                    + String.join(", ", Scopes.ALL) + ".");
        }
        for (String scope : requested) {
            if (!Scopes.ALL.contains(scope)) {
                throw ProblemException.invalidField("scopes", "The field 'scopes' holds '" + scope
                        + "'; expected some of " + String.join(", ", Scopes.ALL) + ".");
            }
        }
        return new java.util.LinkedHashSet<>(requested);
    }

    private static ProblemException notASession() {
        return ProblemException.badRequest("not-a-session", "Not a session",
                "This bearer token is an API token, not an operator session; delete tokens with "
                        + "DELETE /api/v1/admin/tokens/{id}.");
    }

    private static ProblemException wrongCredentials() {
        return ProblemException.unauthorized("The username or the password is wrong.");
    }

    /** Runs CPU-heavy work (bcrypt) on a worker thread and comes back on the caller's context. */
    private <T> Uni<T> blocking(java.util.concurrent.Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(work, false).toCompletionStage());
    }
}
