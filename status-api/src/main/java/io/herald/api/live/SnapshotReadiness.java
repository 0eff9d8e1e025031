package io.herald.api.live;

import io.herald.api.read.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the current status has been read from Redis and the live subscription is up. */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {
    private final ReadModel readModel;
    private final LiveStatusFeed feed;

    public SnapshotReadiness(ReadModel readModel, LiveStatusFeed feed) {
        this.readModel = readModel;
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("status-snapshot")
                .status(readModel.loaded() && feed.subscribed())
                .withData("loaded", readModel.loaded())
                .withData("live-subscription", feed.subscribed())
                .withData("last-event-id", Objects.requireNonNullElse(readModel.lastEventId(), "none"))
                .build();
    }
}
