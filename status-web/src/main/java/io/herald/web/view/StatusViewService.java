package io.herald.web.view;

import io.herald.model.LiveNotice;
import io.herald.model.status.StatusDocument;
import io.herald.web.WebConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Keeps the status view: fetches /api/v1/status at start, after each change on the stream, after each
 * stream (re)connection and every refresh-interval; marks the view stale while status-api cannot be
 * reached. All state below is confined to one Vert.x context, so it needs no locks; only the published
 * view is read from other threads.
 */
@ApplicationScoped
public class StatusViewService implements ChangeStream.Listener {
    private final Vertx vertx;
    private final StatusApiClient client;
    private final WebConfig config;
    private final Event<ViewChanged> viewChanged;
    private final Clock clock = Clock.systemUTC();

    private volatile Map<Language, StatusView> current;
    private volatile boolean streamOpen;

    private Context context;
    private ChangeStream stream;
    private long refreshTimer = -1;
    private StatusDocument document;
    private UptimeDocument uptime;
    private Instant documentSeenAt;
    private Instant unreachableSince;
    private boolean refreshing;
    private boolean refreshAgain;

    StatusViewService(Vertx vertx, StatusApiClient client, WebConfig config, Event<ViewChanged> viewChanged) {
        this.vertx = vertx;
        this.client = client;
        this.config = config;
        this.viewChanged = viewChanged;
    }

    void onStart(@Observes StartupEvent event) {
        Backoff backoff = new Backoff(config.reconnectMin(), config.reconnectMax());
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            stream = new ChangeStream(vertx, client, backoff, this);
            stream.start();
            refresh();
            refreshTimer = vertx.setPeriodic(config.refreshInterval().toMillis(), id -> refresh());
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (context != null) {
            context.runOnContext(v -> {
                if (refreshTimer >= 0) {
                    vertx.cancelTimer(refreshTimer);
                }
                if (stream != null) {
                    stream.stop();
                }
            });
        }
    }

    /** The view to show, in English, or null while status-api has never answered. */
    public StatusView current() {
        return current(Language.EN);
    }

    public StatusView current(Language language) {
        Map<Language, StatusView> views = current;
        return views == null ? null : views.get(language);
    }

    public boolean streamOpen() {
        return streamOpen;
    }

    @Override
    public void streamOpened() {
        streamOpen = true;
        // Whatever happened while we were away is in the current status: catch up at once.
        refresh();
    }

    @Override
    public void changed(String eventId, LiveNotice notice) {
        refresh();
    }

    @Override
    public void streamLost(String reason) {
        streamOpen = false;
        // A lost stream often means status-api is down: find out now rather than at the next tick.
        refresh();
    }

    /** Coalesces: while a fetch is in flight, later requests collapse into one more fetch after it. */
    private void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        Future<StatusDocument> status = client.fetchStatus();
        Future<UptimeDocument> days = client.fetchUptime(config.uptimeDays());
        Future.join(status, days).onComplete(done -> {
            refreshing = false;
            if (days.succeeded()) {
                uptime = days.result();
            } else {
                // Older status-api, or a hiccup: the bars keep their last figures (or stay hidden).
                Log.debugf("No uptime from status-api: %s", days.cause().getMessage());
            }
            if (status.succeeded()) {
                fetched(status.result());
            } else {
                unreachable(status.cause());
            }
            if (refreshAgain) {
                refreshAgain = false;
                refresh();
            }
        });
    }

    private void fetched(StatusDocument fetched) {
        if (unreachableSince != null) {
            Log.infof("status-api answers again at %s", client.base());
        }
        if (!fetched.equals(document)) {
            documentSeenAt = clock.instant();
        }
        stream.resumeFromIfUnset(fetched.lastEventId());
        StatusDocument previous = document;
        Instant previousUnreachable = unreachableSince;
        document = fetched;
        unreachableSince = null;
        if (!publish()) {
            // A document that breaks the contract is treated like no answer: keep the last good view.
            document = previous;
            unreachableSince = previousUnreachable == null ? clock.instant() : previousUnreachable;
            publish();
        }
    }

    private void unreachable(Throwable cause) {
        if (unreachableSince == null) {
            unreachableSince = clock.instant();
            Log.warnf("status-api unreachable at %s: %s", client.base(), cause.getMessage());
        } else {
            Log.debugf("status-api still unreachable: %s", cause.getMessage());
        }
        publish();
    }

    /** @return false when the document could not be turned into a view */
    private boolean publish() {
        if (document == null) {
            return true;
        }
        Map<Language, StatusView> views = new EnumMap<>(Language.class);
        try {
            for (Language language : Language.values()) {
                views.put(language, ViewAssembler.assemble(document, uptime,
                        stream == null ? null : stream.lastEventId(), unreachableSince, documentSeenAt, language));
            }
        } catch (IllegalArgumentException e) {
            Log.warnf("status-api sent a status document Herald cannot show: %s", e.getMessage());
            return false;
        }
        if (views.equals(current)) {
            return true;
        }
        current = Collections.unmodifiableMap(views);
        try {
            viewChanged.fire(new ViewChanged(current));
        } catch (RuntimeException e) {
            Log.errorf(e, "A view observer failed");
        }
        return true;
    }
}
