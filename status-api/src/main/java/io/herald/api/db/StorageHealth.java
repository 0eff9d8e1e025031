package io.herald.api.db;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * Whether PostgreSQL answers, asked every {@code herald.api.storage.check-interval} and by every call of the storage
 * health group. The probe takes a connection from the pool and runs SELECT 1 on it; it never runs a query on the
 * pool itself, whose connection-timeout timer Vert.x 4.5 leaves armed when the connect fails (it later fails the
 * finished query again: "IllegalStateException: Result is already complete", uncaught).
 */
@ApplicationScoped
public class StorageHealth {
    private final Pool pool;
    private final StorageConfig config;
    private final Vertx vertx;
    private volatile State state = new State(true, null, null, null);
    private volatile boolean stopping;
    private long timer = -1;

    /**
     * @param reachable the last probe's answer
     * @param checkedAt when it was asked, null before the first probe
     * @param downSince the first failed probe of the current outage, null while reachable
     * @param error     the last failure in words, null while reachable
     */
    public record State(boolean reachable, Instant checkedAt, Instant downSince, String error) {
    }

    public StorageHealth(Pool pool, StorageConfig config, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(Math.max(100, config.checkInterval().toMillis()),
                id -> probe().subscribe().with(ok -> { }, failure -> { }));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(timer);
    }

    /** The last probe's answer (no I/O). */
    public State last() {
        return state;
    }

    /** Asks PostgreSQL now; never fails (an unreachable database is a state, not an error). */
    public Uni<State> probe() {
        return pool.withConnection(connection -> connection.query("SELECT 1").execute())
                .map(rows -> reached())
                .onFailure().recoverWithItem(this::failed);
    }

    private synchronized State reached() {
        if (!state.reachable()) {
            Log.infof("PostgreSQL answers again (unreachable since %s)", state.downSince());
        }
        state = new State(true, Instant.now(), null, null);
        return state;
    }

    private synchronized State failed(Throwable failure) {
        Instant now = Instant.now();
        if (state.reachable() && !stopping) {
            Log.warnf("PostgreSQL does not answer: %s", failure.getMessage());
        }
        state = new State(false, now, state.reachable() ? now : state.downSince(), String.valueOf(failure.getMessage()));
        return state;
    }
}
