package io.herald.web.live;

import io.herald.model.HeraldJson;
import io.herald.web.WebConfig;
import io.herald.web.view.Language;
import io.herald.web.view.ViewChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.ContextInternal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fans each view change out to every connected browser. Each view is encoded once per language into one shared,
 * read-only buffer. Browsers are grouped by the event loop that owns their connection, and one task per event loop
 * (not one per browser) writes that same buffer to each of its browsers, so a change costs one encoding and a handful
 * of tasks whatever the number of browsers. A browser only ever moves forward: it starts with the latest view, and
 * one whose connection cannot keep up skips views and gets the latest once it drains.
 */
@ApplicationScoped
public class LiveBroadcaster {
    private final Vertx vertx;
    private final WebConfig config;
    private final Map<Context, Audience> audiences = new ConcurrentHashMap<>();
    private volatile Map<Language, Buffer> frames = Map.of();
    private long heartbeatTimer = -1;

    LiveBroadcaster(Vertx vertx, WebConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        heartbeatTimer = vertx.setPeriodic(config.heartbeatInterval().toMillis(),
                id -> audiences.values().forEach(Audience::heartbeat));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        audiences.values().forEach(Audience::close);
    }

    /** Ahead of the other observers, so browsers get a change before the pages are rendered and compressed again. */
    void onViewChanged(@Observes @Priority(Interceptor.Priority.APPLICATION) ViewChanged changed) {
        Map<Language, Buffer> encoded = new EnumMap<>(Language.class);
        changed.views().forEach((language, view) ->
                encoded.put(language, LiveFrames.view(view.lastEventId(), HeraldJson.write(view))));
        // Published before the tasks are queued: a browser joining from now on starts with these frames.
        frames = encoded;
        Audience here = null;
        for (Audience audience : audiences.values()) {
            if (audience.onThisThread()) {
                here = audience;
            } else {
                audience.sendLatest();
            }
        }
        if (here != null) {
            // This observer runs on an event loop: its own browsers are served now, not after the pages are rendered.
            here.sendNow();
        }
    }

    /**
     * Adds a browser whose SSE response headers are set; sends it the current view at once. Must run on the event loop
     * of the browser's connection, as a route handler does.
     */
    void join(HttpServerResponse response, Language language) {
        // A request runs on a duplicate of its event loop's context; the browsers are grouped by the event loop itself.
        Context eventLoop = ((ContextInternal) Vertx.currentContext()).unwrap();
        audiences.computeIfAbsent(eventLoop, Audience::new).join(response, language);
    }

    /** The browsers of one event loop. Only the scheduling flag is touched from other threads. */
    private final class Audience {
        private final Context eventLoop;
        private final Set<Browser> browsers = new LinkedHashSet<>();
        private final AtomicBoolean sendQueued = new AtomicBoolean();

        Audience(Context eventLoop) {
            this.eventLoop = eventLoop;
        }

        void join(HttpServerResponse response, Language language) {
            Browser browser = new Browser(response, language);
            browsers.add(browser);
            response.closeHandler(closed -> browsers.remove(browser));
            Buffer current = frames.get(language);
            if (current != null) {
                browser.send(current);
            } else {
                // No view yet: a comment sends the response head, so the browser knows it is connected.
                browser.heartbeat();
            }
        }

        boolean onThisThread() {
            return ((ContextInternal) eventLoop).nettyEventLoop().inEventLoop();
        }

        /** One task per event loop; while one is queued, later changes ride on it (it reads the latest frames). */
        void sendLatest() {
            if (sendQueued.compareAndSet(false, true)) {
                eventLoop.runOnContext(task -> {
                    sendQueued.set(false);
                    sendNow();
                });
            }
        }

        /** Only on this audience's event loop. */
        void sendNow() {
            Map<Language, Buffer> latest = frames;
            for (Browser browser : browsers) {
                browser.send(latest.get(browser.language));
            }
        }

        void heartbeat() {
            eventLoop.runOnContext(task -> browsers.forEach(Browser::heartbeat));
        }

        void close() {
            eventLoop.runOnContext(task -> {
                browsers.forEach(browser -> browser.response.end());
                browsers.clear();
            });
        }
    }

    /** One browser's connection and the last frame written to it (by identity: frames are shared, never copied). */
    private final class Browser {
        private final HttpServerResponse response;
        private final Language language;
        private Buffer sent;
        private boolean waitingForDrain;

        Browser(HttpServerResponse response, Language language) {
            this.response = response;
            this.language = language;
        }

        void send(Buffer frame) {
            if (frame == null || frame == sent || response.closed()) {
                return;
            }
            if (response.writeQueueFull()) {
                if (!waitingForDrain) {
                    waitingForDrain = true;
                    response.drainHandler(drained -> {
                        waitingForDrain = false;
                        send(frames.get(language));
                    });
                }
                return;
            }
            sent = frame;
            response.write(frame, null);
        }

        void heartbeat() {
            if (!response.closed() && !response.writeQueueFull()) {
                response.write(LiveFrames.HEARTBEAT, null);
            }
        }
    }
}
