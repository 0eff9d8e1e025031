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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keeps the status view. It reads status-api's document once at start, then follows the change stream and applies
 * each change, incident and maintenance to the document it holds ({@link ApplyStatusChange}, {@link ApplyPageEvent}),
 * as status-api's snapshot does. It reads the document again only when it must: an event it cannot apply (a component
 * it does not know, a change that does not follow what the page shows, a gap before an incident event, a maintenance
 * that starts or ends), a stream opened without a resume point or after status-api could not be reached, and every
 * refresh-interval as a safety net (operators' overrides are not on the stream). Events that arrive while a read is
 * in flight are applied again on top of the document it brings. All state below is confined to one Vert.x context,
 * so it needs no locks; only the published view is read from other threads.
 */
@ApplicationScoped
public class StatusViewService implements ChangeStream.Listener {
    private final Vertx vertx;
    private final StatusApiClient client;
    private final WebConfig config;
    private final Criticality criticality;
    private final Event<ViewChanged> viewChanged;
    private final Clock clock = Clock.systemUTC();

    private volatile Map<Language, StatusView> current;
    private volatile boolean streamOpen;

    private Context context;
    private ChangeStream stream;
    private boolean streamStarted;
    private long refreshTimer = -1;
    private StatusDocument document;
    private UptimeDocument uptime;
    private Instant documentSeenAt;
    private Instant unreachableSince;
    private Instant streamLostAt;
    private boolean reading;
    private boolean readAgain;
    /** The events received while a read is in flight, to apply again on top of the document it brings. */
    private final List<Function<StatusDocument, Applied>> sinceReadStarted = new ArrayList<>();

    StatusViewService(Vertx vertx, StatusApiClient client, WebConfig config, Criticality criticality,
            Event<ViewChanged> viewChanged) {
        this.vertx = vertx;
        this.client = client;
        this.config = config;
        this.criticality = criticality;
        this.viewChanged = viewChanged;
    }

    void onStart(@Observes StartupEvent event) {
        Backoff backoff = new Backoff(config.reconnectMin(), config.reconnectMax());
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            stream = new ChangeStream(vertx, client, backoff, this);
            // The stream opens once this first read is done, resuming after the change the document includes.
            read("start");
            refreshTimer = vertx.setPeriodic(config.refreshInterval().toMillis(), id -> read("safety re-read"));
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
    public void streamOpened(boolean resumed) {
        streamOpen = true;
        streamLostAt = null;
        // Resumed, status-api replays every change after the id and the incidents changed since; without an id, or
        // when status-api could not be reached meanwhile (the safety re-reads failed), only a read catches up.
        if (!resumed || document == null || unreachableSince != null) {
            read(resumed ? "stream open again after status-api was unreachable" : "stream open without a resume id");
        }
    }

    @Override
    public void changed(String eventId, LiveNotice notice) {
        apply(doc -> ApplyStatusChange.apply(doc, notice, criticality));
    }

    @Override
    public void pageEvent(String type, String eventId, String data) {
        apply(doc -> ApplyPageEvent.apply(doc, type, eventId, data, criticality));
    }

    @Override
    public void streamLost(String reason, boolean unreachable) {
        if (streamOpen) {
            streamLostAt = clock.instant();
        }
        streamOpen = false;
        // A dropped stream is resumed where it left off; status-api that cannot be reached at all makes the view stale.
        if (unreachable && unreachableSince == null && document != null) {
            unreachableSince = streamLostAt != null ? streamLostAt : clock.instant();
            Log.warnf("status-api unreachable at %s: %s", client.base(), reason);
            publish();
        }
    }

    private void apply(Function<StatusDocument, Applied> event) {
        if (reading) {
            sinceReadStarted.add(event);
        }
        if (document == null) {
            // Nothing to apply it to yet: a read (the first, or one after it failed) brings the whole state.
            if (!reading) {
                read("an event before any status document");
            }
            return;
        }
        Applied applied = event.apply(document);
        if (applied instanceof Applied.Updated updated) {
            StatusDocument previous = document;
            document = updated.document();
            documentSeenAt = clock.instant();
            if (!publish()) {
                document = previous;
            }
        } else if (applied instanceof Applied.ReadAgain again) {
            // During a read the event is applied again on top of its document, which decides then.
            if (!reading) {
                Log.debugf("Reading the status again: %s", again.reason());
                read(again.reason());
            }
        }
    }

    /** Coalesces: while a read is in flight, later requests collapse into one more read after it. */
    private void read(String why) {
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        sinceReadStarted.clear();
        Future<StatusDocument> status = client.fetchStatus();
        Future<UptimeDocument> days = client.fetchUptime(config.uptimeDays());
        Future.join(status, days).onComplete(done -> {
            reading = false;
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
            sinceReadStarted.clear();
            if (!streamStarted) {
                streamStarted = true;
                stream.start();
            }
            if (readAgain) {
                readAgain = false;
                read(why);
            }
        });
    }

    private void fetched(StatusDocument fetched) {
        if (unreachableSince != null) {
            Log.infof("status-api answers again at %s", client.base());
        }
        stream.resumeFromIfUnset(fetched.lastEventId());
        StatusDocument previous = document;
        Instant previousUnreachable = unreachableSince;
        document = fetched;
        boolean eventNotApplied = false;
        for (Function<StatusDocument, Applied> event : sinceReadStarted) {
            Applied applied = event.apply(document);
            if (applied instanceof Applied.Updated updated) {
                document = updated.document();
            } else if (applied instanceof Applied.ReadAgain again) {
                Log.debugf("Reading the status again: %s", again.reason());
                eventNotApplied = true;
            }
        }
        if (!document.equals(previous)) {
            documentSeenAt = clock.instant();
        }
        unreachableSince = null;
        if (publish()) {
            readAgain |= eventNotApplied;
        } else {
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
