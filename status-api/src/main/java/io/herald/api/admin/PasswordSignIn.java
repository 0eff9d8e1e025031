package io.herald.api.admin;

import io.herald.api.http.RateLimiter;
import io.herald.model.RedisKeys;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Password sign-in: a session for the right username and password, the same 401 for an unknown user and a wrong
 * password after the same work, attempts per operator name slowed by a token bucket in Redis.
 */
@ApplicationScoped
public class PasswordSignIn {
    private final Passwords passwords;
    private final SessionService sessions;
    private final AdminConfig config;
    private final RateLimiter limiter;
    private final RedisKeys keys;

    public PasswordSignIn(Passwords passwords, SessionService sessions, AdminConfig config, RateLimiter limiter,
            RedisKeys keys) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.config = config;
        this.limiter = limiter;
        this.keys = keys;
    }

    public Uni<SessionBody> signIn(LoginRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            return Uni.createFrom().failure(wrongCredentials());
        }
        // bcrypt reads at most 72 bytes and the library refuses more; no operator's password is longer (see
        // OperatorService), so such a password is refused in words at once, before any bcrypt work.
        if (request.password().getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            return Uni.createFrom().failure(ProblemException.unprocessableField("password", "The field 'password' "
                    + "has more than " + Passwords.MAX_BYTES + " bytes; Herald's passwords have 12 to "
                    + Passwords.MAX_BYTES + " bytes (UTF-8), so this cannot be one."));
        }
        String username = request.username().trim();
        // Password guessing is slowed per operator name, before any bcrypt work: every attempt takes a token.
        String bucket = keys.loginRate(TokenHash.sha256Hex(username.toLowerCase(Locale.ROOT)));
        return limiter.take(bucket, config.session().loginBurst(), config.session().loginPerMinute())
                .flatMap(waitMillis -> {
                    if (waitMillis > 0) {
                        long seconds = RateLimiter.seconds(waitMillis);
                        return Uni.createFrom().failure(new ProblemException(
                                Problem.of(429, "too-many-sign-in-attempts", "Too many sign-in attempts",
                                        "Too many sign-in attempts for this operator name; try again in " + seconds
                                                + " s."),
                                Map.of("Retry-After", Long.toString(seconds))));
                    }
                    return check(username, request.password());
                });
    }

    private Uni<SessionBody> check(String username, String password) {
        // A name no operator can have (OperatorService's rule) is unknown without asking PostgreSQL, which refuses
        // some of the text a client may send (NUL).
        Uni<OperatorEntity> found = OperatorService.possibleUsername(username) ? findOperator(username)
                : Uni.createFrom().nullItem();
        return found.flatMap(operator -> {
            // an operator without a password (OpenID Connect only) is refused like an unknown one, after the same work
            boolean usable = operator != null && operator.passwordBcrypt != null;
            return passwords.verify(password, usable ? operator.passwordBcrypt : null).flatMap(ok -> {
                if (!usable || !ok) {
                    return Uni.createFrom().failure(wrongCredentials());
                }
                return sessions.open(operator, "password");
            });
        });
    }

    private static Uni<OperatorEntity> findOperator(String username) {
        return Panache.withSession(() -> OperatorEntity.<OperatorEntity>find("username", username).firstResult());
    }

    private static ProblemException wrongCredentials() {
        return ProblemException.unauthorized("The username or the password is wrong.");
    }
}
