package io.herald.web.view;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a status view is loaded: before that the home page can only answer 503. */
@Readiness
@ApplicationScoped
public class StatusViewReadiness implements HealthCheck {
    private final StatusViewService views;

    StatusViewReadiness(StatusViewService views) {
        this.views = views;
    }

    @Override
    public HealthCheckResponse call() {
        StatusView view = views.current();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("status-view")
                .status(view != null)
                .withData("change-stream", views.streamOpen() ? "open" : "closed");
        if (view != null && view.staleSince() != null) {
            builder.withData("stale-since", view.staleSince().iso());
        }
        if (view != null && view.livePaused()) {
            builder.withData("live-paused", true);
        }
        return builder.build();
    }
}
