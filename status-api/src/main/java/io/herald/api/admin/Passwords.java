package io.herald.api.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;

/** Operators' passwords as bcrypt, hashed and checked on a worker thread, never on the event loop. */
@ApplicationScoped
public class Passwords {
    /** bcrypt reads no more than this many bytes of a password. */
    public static final int MAX_BYTES = 72;
    private static final int BCRYPT_COST = 10;
    // Checked when there is no hash to check against, so that every wrong answer takes the same time.
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(BCRYPT_COST,
            "not-a-password".toCharArray());

    private final Vertx vertx;

    public Passwords(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<String> hash(String password) {
        return blocking(() -> BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray()));
    }

    /** True when the password matches the hash; a null hash (no password) costs the same work and is false. */
    public Uni<Boolean> verify(String password, String hash) {
        String checked = hash == null ? DUMMY_HASH : hash;
        return blocking(() -> BCrypt.verifyer().verify(password.toCharArray(), checked).verified && hash != null);
    }

    /** Runs CPU-heavy work (bcrypt) on a worker thread and comes back on the caller's context. */
    private <T> Uni<T> blocking(Callable<T> work) {
        return Uni.createFrom().completionStage(() -> vertx.executeBlocking(work, false).toCompletionStage());
    }
}
