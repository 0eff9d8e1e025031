package io.herald.api.live;

import io.herald.api.read.ReadModel;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the current status has been read from Redis: from then on the status is served from memory. A live
 * subscription that breaks later does not take status-api out (every replica would go at once when Redis does, and
 * the page would be gone instead of saying its updates are paused); it is reported in the data, and the live group
 * ({@code /q/health/group/live}) is DOWN meanwhile.
 */
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
        return describe(readModel, feed, "status-snapshot").status(readModel.loaded()).build();
    }

    static HealthCheckResponseBuilder describe(ReadModel readModel, LiveStatusFeed feed, String name) {
        Instant paused = readModel.pausedSince();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name)
                .withData("loaded", readModel.loaded())
                .withData("live-subscription", feed.subscribed())
                .withData("last-event-id", Objects.requireNonNullElse(readModel.lastEventId(), "none"));
        return paused == null ? builder : builder.withData("paused-since", paused.toString());
    }

    /** The live group: UP while the live channel is heard. */
    @HealthGroup("live")
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final ReadModel readModel;
        private final LiveStatusFeed feed;

        public Live(ReadModel readModel, LiveStatusFeed feed) {
            this.readModel = readModel;
            this.feed = feed;
        }

        @Override
        public HealthCheckResponse call() {
            return describe(readModel, feed, "live-channel").status(feed.subscribed()).build();
        }
    }
}
