package io.herald.api.admin;

import io.herald.api.admin.oidc.OidcConfig;
import io.herald.api.http.Fields;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Operators: added, changed and removed by an administrator; every change audited. */
@ApplicationScoped
public class OperatorService {
    private final AuditLog audit;
    private final Passwords passwords;
    private final boolean oidcEnabled;

    public OperatorService(AuditLog audit, Passwords passwords, OidcConfig oidc) {
        this.audit = audit;
        this.passwords = passwords;
        this.oidcEnabled = oidc.enabled();
    }

    /** An operator's name: letters, digits and . _ @ -, at most 100 characters. */
    public static boolean possibleUsername(String username) {
        return username != null && username.length() <= 100 && username.matches("[A-Za-z0-9._@-]+");
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
        if (!possibleUsername(username)) {
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
        if (password != null && (password.length() < 12 || password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES)) {
            throw ProblemException.invalidField("password", "The field 'password' must have 12 to 72 bytes.");
        }
        Set<String> scopes = Scopes.requested(request.scopes());
        if (password == null) {
            return storeUser(actor, username, displayName, email, null, scopes);
        }
        return passwords.hash(password).flatMap(hash -> storeUser(actor, username, displayName, email, hash, scopes));
    }

    // Called from this bean after the hash: programmatic transactions, since interceptors skip self-calls.
    private Uni<UserBody> storeUser(Actor actor, String username, String displayName, String email, String hash,
            Set<String> scopes) {
        return Panache.withTransaction(() -> OperatorEntity.count("username", username).flatMap(count -> {
            if (count > 0) {
                throw ProblemException.conflict("An operator named '" + username + "' exists already.");
            }
            return email == null ? Uni.createFrom().item(0L)
                    : OperatorEntity.count("lower(email) = ?1", email.toLowerCase(Locale.ROOT));
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
        Set<String> scopes = change.scopes() == null ? null : Scopes.requested(change.scopes());
        boolean unlink = Boolean.TRUE.equals(change.unlinkOidc());
        return OperatorEntity.<OperatorEntity>findById(id).flatMap(found -> {
            if (found == null) {
                throw ProblemException.notFound("There is no operator '" + id + "'.");
            }
            Uni<Long> sameEmail = email == null || email.isEmpty() ? Uni.createFrom().item(0L)
                    : OperatorEntity.count("lower(email) = ?1 and id <> ?2", email.toLowerCase(Locale.ROOT), id);
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
}
