package io.herald.api.status;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the current status has been read from Redis and the live subscription is up. */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {
    private final StatusSnapshot snapshot;
    private final LiveStatusFeed feed;

    public SnapshotReadiness(StatusSnapshot snapshot, LiveStatusFeed feed) {
        this.snapshot = snapshot;
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("status-snapshot")
                .status(snapshot.loaded() && feed.subscribed())
                .withData("loaded", snapshot.loaded())
                .withData("live-subscription", feed.subscribed())
                .withData("last-event-id", Objects.requireNonNullElse(snapshot.current().lastEventId(), "none"))
                .build();
    }
}
