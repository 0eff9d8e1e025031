package io.herald.api.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs before the application starts: removes the keys of status-api's test prefix and drops the test schema,
 * so the application starts on nothing left over by an earlier run and Flyway migrates a fresh schema.
 */
public class CleanSlateResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestStores.deleteRedisKeys();
        TestStores.sql("DROP SCHEMA IF EXISTS " + TestStores.SCHEMA + " CASCADE");
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
