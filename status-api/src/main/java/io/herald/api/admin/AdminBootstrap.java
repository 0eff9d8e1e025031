package io.herald.api.admin;

import io.herald.api.db.SafeContext;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;

/**
 * At start-up: stores the configured bootstrap token as the admin-scoped token "bootstrap" when no token exists,
 * and creates the configured operator with scope admin when no operator exists. Both only ever fill an empty table.
 */
@ApplicationScoped
public class AdminBootstrap {
    private final AdminConfig config;
    private final Vertx vertx;

    public AdminBootstrap(AdminConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (config.bootstrapAdminTokenSha256().isEmpty()
                && (config.bootstrapAdminUser().isEmpty() || config.bootstrapAdminPasswordBcrypt().isEmpty())) {
            return;
        }
        SafeContext.run(vertx, this::bootstrap).await().atMost(Duration.ofSeconds(30));
    }

    @WithTransaction
    public Uni<Void> bootstrap() {
        Uni<Void> token = config.bootstrapAdminTokenSha256().map(String::trim).filter(s -> s.matches("[0-9a-fA-F]{64}"))
                .map(digest -> ApiTokenEntity.count().flatMap(count -> {
                    if (count > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    ApiTokenEntity entity = new ApiTokenEntity();
                    entity.name = "bootstrap";
                    entity.scopes = Scopes.ADMIN;
                    entity.secretSha256 = digest.toLowerCase();
                    entity.createdAt = Instant.now();
                    Log.info("Stored the bootstrap admin token (no token existed)");
                    return entity.persist().replaceWithVoid();
                })).orElse(Uni.createFrom().voidItem());
        if (config.bootstrapAdminTokenSha256().isPresent()
                && !config.bootstrapAdminTokenSha256().get().trim().matches("[0-9a-fA-F]{64}")) {
            Log.warn("herald.api.bootstrap-admin-token-sha256 is not 64 hex digits; ignored");
        }
        return token.flatMap(ignored -> {
            if (config.bootstrapAdminUser().isEmpty() || config.bootstrapAdminPasswordBcrypt().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return OperatorEntity.count().flatMap(count -> {
                if (count > 0) {
                    return Uni.createFrom().voidItem();
                }
                OperatorEntity operator = new OperatorEntity();
                operator.username = config.bootstrapAdminUser().get().trim();
                operator.displayName = operator.username;
                operator.passwordBcrypt = config.bootstrapAdminPasswordBcrypt().get().trim();
                operator.scopes = Scopes.ADMIN;
                operator.createdAt = Instant.now();
                Log.infof("Created the bootstrap operator '%s' (no operator existed)", operator.username);
                return operator.persist().replaceWithVoid();
            });
        });
    }
}
