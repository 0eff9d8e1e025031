package io.herald.api.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Creates the reactive PostgreSQL pool as Quarkus configures it, with a bounded wait for a connection
 * ({@code herald.api.storage.acquire-timeout} instead of Vert.x's 30 s): while PostgreSQL is down, or a connect
 * hangs, a request is answered 503 in seconds rather than held half a minute.
 */
@Singleton
public class StoragePool implements PgPoolCreator {
    private final StorageConfig config;

    public StoragePool(StorageConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions options = new PoolOptions(input.poolOptions())
                .setConnectionTimeout((int) Math.max(1, config.acquireTimeout().toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
