package io.herald.web.live;

import io.herald.model.HeraldJson;
import io.herald.web.WebConfig;
import io.herald.web.view.Language;
import io.herald.web.view.ViewChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans each view change out to every connected browser. A new subscriber gets the current view first,
 * under the same lock as the broadcast, so it can never receive an older view after a newer one.
 */
@ApplicationScoped
public class LiveBroadcaster {
    private final Map<Language, Set<MultiEmitter<? super LiveEvent>>> browsers = new EnumMap<>(Language.class);
    private final Vertx vertx;
    private final WebConfig config;
    private final Map<Language, LiveEvent> current = new EnumMap<>(Language.class);
    private long heartbeatTimer = -1;

    LiveBroadcaster(Vertx vertx, WebConfig config) {
        this.vertx = vertx;
        this.config = config;
        for (Language language : Language.values()) {
            browsers.put(language, ConcurrentHashMap.newKeySet());
        }
    }

    void onStart(@Observes StartupEvent event) {
        heartbeatTimer = vertx.setPeriodic(config.heartbeatInterval().toMillis(), id -> heartbeat());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        browsers.values().forEach(set -> set.forEach(MultiEmitter::complete));
    }

    private synchronized void heartbeat() {
        browsers.values().forEach(set -> set.forEach(browser -> browser.emit(LiveEvent.HEARTBEAT)));
    }

    synchronized void onViewChanged(@Observes ViewChanged changed) {
        changed.views().forEach((language, view) -> {
            // Serialised once per language, whatever the number of browsers.
            LiveEvent event = new LiveEvent(view.lastEventId(), HeraldJson.write(view));
            current.put(language, event);
            browsers.get(language).forEach(browser -> browser.emit(event));
        });
    }

    Multi<LiveEvent> subscribe(Language language) {
        Set<MultiEmitter<? super LiveEvent>> audience = browsers.get(language);
        return Multi.createFrom().emitter(browser -> {
            browser.onTermination(() -> audience.remove(browser));
            synchronized (this) {
                LiveEvent event = current.get(language);
                if (event != null) {
                    browser.emit(event);
                }
                audience.add(browser);
            }
        });
    }

    /** Browsers connected now, all languages together. */
    public int connected() {
        return browsers.values().stream().mapToInt(Set::size).sum();
    }
}
