package io.herald.api.db;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * PostgreSQL in the health endpoints. The storage group ({@code /q/health/group/storage}) is DOWN while PostgreSQL
 * does not answer. Readiness only reports it: the current status is served from memory without PostgreSQL, so an
 * orchestrator must not take status-api out for it; the PostgreSQL-backed reads answer 503 meanwhile.
 */
public final class StorageHealthChecks {
    private static final String NAME = "postgresql";

    private StorageHealthChecks() {
    }

    static HealthCheckResponseBuilder describe(StorageHealth.State state) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).withData("reachable", state.reachable());
        if (state.checkedAt() != null) {
            builder.withData("checked-at", state.checkedAt().toString());
        }
        if (!state.reachable()) {
            builder.withData("down-since", String.valueOf(state.downSince()))
                    .withData("error", state.error())
                    .withData("meanwhile", "the current status is served from memory; history, incidents, uptime, "
                            + "maintenance, subscribers and the admin API answer 503 storage-unavailable");
        }
        return builder;
    }

    /** The storage group: UP only when PostgreSQL answers now. */
    @HealthGroup("storage")
    @ApplicationScoped
    public static class Storage implements AsyncHealthCheck {
        private final StorageHealth health;

        public Storage(StorageHealth health) {
            this.health = health;
        }

        @Override
        public Uni<HealthCheckResponse> call() {
            return health.probe().map(state -> describe(state).status(state.reachable()).build());
        }
    }

    /** In readiness (and so in /q/health): the last probe's answer, always UP, with the database's state in data. */
    @Readiness
    @ApplicationScoped
    public static class Reported implements HealthCheck {
        private final StorageHealth health;

        public Reported(StorageHealth health) {
            this.health = health;
        }

        @Override
        public HealthCheckResponse call() {
            return describe(health.last()).withData("required-for-readiness", false).up().build();
        }
    }
}
