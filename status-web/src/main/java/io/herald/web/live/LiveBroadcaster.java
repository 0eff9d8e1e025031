package io.herald.web.live;

import io.herald.model.HeraldJson;
import io.herald.web.WebConfig;
import io.herald.web.view.ViewChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans each view change out to every connected browser. A new subscriber gets the current view first,
 * under the same lock as the broadcast, so it can never receive an older view after a newer one.
 */
@ApplicationScoped
public class LiveBroadcaster {
    private final Set<MultiEmitter<? super LiveEvent>> browsers = ConcurrentHashMap.newKeySet();
    private final Vertx vertx;
    private final WebConfig config;
    private LiveEvent current;
    private long heartbeatTimer = -1;

    LiveBroadcaster(Vertx vertx, WebConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        heartbeatTimer = vertx.setPeriodic(config.heartbeatInterval().toMillis(), id -> heartbeat());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        browsers.forEach(MultiEmitter::complete);
    }

    private synchronized void heartbeat() {
        browsers.forEach(browser -> browser.emit(LiveEvent.HEARTBEAT));
    }

    synchronized void onViewChanged(@Observes ViewChanged changed) {
        current = new LiveEvent(changed.view().lastEventId(), HeraldJson.write(changed.view()));
        browsers.forEach(browser -> browser.emit(current));
    }

    Multi<LiveEvent> subscribe() {
        return Multi.createFrom().emitter(browser -> {
            browser.onTermination(() -> browsers.remove(browser));
            synchronized (this) {
                if (current != null) {
                    browser.emit(current);
                }
                browsers.add(browser);
            }
        });
    }
}
