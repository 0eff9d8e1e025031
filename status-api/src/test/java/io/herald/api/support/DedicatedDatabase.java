package io.herald.api.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A database of its own in the shared PostgreSQL, reached by a role of its own, so a test can take PostgreSQL away
 * from status-api (the role may no longer log in and its connections are ended) without touching anyone else's
 * connections. The application's schema inside it is the usual test schema, migrated by Flyway at start.
 */
public class DedicatedDatabase implements QuarkusTestResourceLifecycleManager {
    public static final String NAME = "herald_api_outage";
    public static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/" + NAME;

    @Override
    public Map<String, String> start() {
        TestStores.sql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + NAME + "') THEN "
                + "CREATE ROLE " + NAME + " LOGIN; END IF; END $$");
        restore();
        TestStores.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + NAME + "'");
        TestStores.sql("DROP DATABASE IF EXISTS " + NAME);
        TestStores.sql("CREATE DATABASE " + NAME + " OWNER " + NAME);
        return Map.of(
                "quarkus.datasource.username", NAME,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + NAME + "?search_path="
                        + TestStores.SCHEMA,
                "quarkus.datasource.jdbc.url", JDBC_URL + "?currentSchema=" + TestStores.SCHEMA);
    }

    @Override
    public void stop() {
        restore();
    }

    /** PostgreSQL is gone for status-api: its role may not log in, and every connection it holds is ended. */
    public static void cut() {
        TestStores.sql("ALTER ROLE " + NAME + " NOLOGIN");
        TestStores.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + NAME + "'");
    }

    /** PostgreSQL is back. */
    public static void restore() {
        TestStores.sql("ALTER ROLE " + NAME + " LOGIN");
    }

    /** A query on the dedicated database, as the superuser (works while the role is cut off). */
    public static long count(String query) {
        return TestStores.count(JDBC_URL, query);
    }

    /** A value from the dedicated database, as the superuser. */
    public static String string(String query) {
        return TestStores.string(JDBC_URL, query);
    }
}
