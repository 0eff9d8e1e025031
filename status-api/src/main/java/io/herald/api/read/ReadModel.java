package io.herald.api.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.ComponentState;
import io.herald.model.LiveNotice;
import io.herald.model.StatusChange;
import io.herald.model.StreamIds;
import io.herald.model.catalog.Catalog;
import io.herald.model.status.Incident;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * status-api's one read model: the evaluated status (from Redis), the overlay (from PostgreSQL) and every page
 * rendered from them with its ETags, plus the live feed of their changes for SSE clients. Writers notify it: the live
 * channel's feed ({@link #apply}, {@link #replace}) and the overlay feed ({@link #overlay}, {@link #changed}), which
 * writers of incidents, maintenances and overrides trigger through {@link OverlayRefresh}. Writes are serialized and
 * render each page once; readers take the current bodies without locking and do no I/O.
 */
@ApplicationScoped
public class ReadModel {
    private final PageRenderer renderer;
    private final LiveFeed feed;
    private final ObjectMapper mapper;
    private final List<PageScope> pages;
    private final String defaultPage;
    private volatile Snapshot current;
    private volatile boolean loaded;

    ReadModel(PageRenderer renderer, LiveFeed feed, ObjectMapper mapper, Catalog catalog) {
        this.renderer = renderer;
        this.feed = feed;
        this.mapper = mapper;
        // The catalog declares one page today, showing every service: it is the default page.
        this.pages = List.of(new PageScope(catalog.page(), catalog.services()));
        this.defaultPage = catalog.page().id();
        this.current = render(Map.of(), null, Overlay.EMPTY, null, null);
    }

    /** The default page's bodies. */
    public PageBodies page() {
        return current.pages().get(defaultPage);
    }

    /** The bodies of the page with this id, if the catalog declares it. */
    public Optional<PageBodies> page(String pageId) {
        return Optional.ofNullable(current.pages().get(pageId));
    }

    /** The changes-stream id of the last change applied, or null. */
    public String lastEventId() {
        return current.lastEventId();
    }

    /** True once the current-status hash has been read from Redis at least once. */
    public boolean loaded() {
        return loaded;
    }

    /** The incident as the default page shows it now: its components with the status they show. */
    public Incident incident(ShownIncident incident) {
        return incident.render(page().componentsById());
    }

    /** The incident or maintenance as an SSE event, or null when it cannot be encoded. */
    public PageEvent event(ShownIncident incident) {
        String id = incident.body().id();
        try {
            String json = mapper.writeValueAsString(incident(incident));
            return incident.maintenance()
                    ? new PageEvent("maintenance", "mnt-" + id + "-" + incident.updateCount(), json)
                    : new PageEvent("incident", "inc-" + id + "-" + incident.updateCount(), json);
        } catch (JsonProcessingException e) {
            Log.warnf("Cannot encode incident %s for the stream: %s", id, e.getMessage());
            return null;
        }
    }

    /** Changes from now on, as the live channel brought them. */
    public Multi<LiveNotice> changes(int buffer) {
        return feed.changes(buffer);
    }

    /** Incident and maintenance events from now on. */
    public Multi<PageEvent> pageEvents(int buffer) {
        return feed.pageEvents(buffer);
    }

    /** Applies one change from the live channel, then passes it on to the SSE clients. */
    public void apply(LiveNotice notice) {
        applyState(notice);
        if (StreamIds.isValid(notice.id())) {
            feed.publish(notice);
        } else {
            Log.warnf("Live notice for %s has no changes-stream id ('%s'); not sent to stream clients",
                    notice.change() == null ? "?" : notice.change().component(), notice.id());
        }
    }

    private synchronized void applyState(LiveNotice notice) {
        StatusChange change = notice.change();
        if (change == null || change.component() == null || change.to() == null) {
            return;
        }
        Snapshot was = current;
        Map<String, ComponentState> states = new HashMap<>(was.states());
        ComponentState held = was.states().get(change.component());
        // A refresh changes only the staleness: the status, and so when it began, stay.
        Instant since = change.isRefresh() && held != null && held.status() == change.to() && held.since() != null
                ? held.since() : change.at();
        states.put(change.component(), new ComponentState(change.component(), change.to(), since, change.cause(),
                change.detail(), change.stale(), change.staleDetail()));
        String lastEventId = StreamIds.isValid(notice.id())
                ? StreamIds.newer(notice.id(), was.lastEventId())
                : was.lastEventId();
        current = render(states, lastEventId, was.overlay(), was.pausedSince(), was.lostAt());
    }

    /**
     * Replaces the states with a fresh read of the hash. A state held that is newer than the hash's (a live notice
     * that overtook the read's reply) is kept, so a resync never moves a component back in time. Once Redis has lost
     * its data ({@code lostAt}), a component the hash does not hold keeps the state this process knew, marked as the
     * last known one, until the evaluator judges it again; without a state held it shows its last recorded change
     * (the overlay's {@link LastKnown}), never operational by default.
     *
     * @param latestStreamId the newest changes-stream id read before the hash, or null
     * @param lostAt         when Redis was found to have lost its data, or null when it has not (as far as known)
     */
    public synchronized void replace(Map<String, ComponentState> hash, String latestStreamId, Instant lostAt) {
        Snapshot was = current;
        Instant lost = lostAt != null ? lostAt : was.lostAt();
        Map<String, ComponentState> held = was.states();
        Map<String, ComponentState> states = new HashMap<>();
        hash.forEach((component, state) -> {
            ComponentState mine = held.get(component);
            boolean mineIsNewer = mine != null && mine.since() != null && state.since() != null
                    && mine.since().isAfter(state.since());
            states.put(component, mineIsNewer ? mine : state);
        });
        if (lost != null) {
            Instant now = Instant.now();
            held.forEach((component, mine) -> {
                if (!hash.containsKey(component)) {
                    states.put(component, new ComponentState(component, mine.status(), mine.since(), mine.cause(),
                            mine.detail(), true, StaleWords.noLiveDataSince(lost, now)));
                }
            });
        }
        String lastEventId = StreamIds.isValid(latestStreamId)
                ? StreamIds.newer(latestStreamId, was.lastEventId())
                : was.lastEventId();
        loaded = true;
        if (!states.equals(held) || !Objects.equals(lastEventId, was.lastEventId())
                || !Objects.equals(lost, was.lostAt())) {
            current = render(states, lastEventId, was.overlay(), was.pausedSince(), lost);
        }
    }

    /** The live channel is not heard since then (the subscription broke): the page says its status may be old. */
    public synchronized void paused(Instant since) {
        Snapshot was = current;
        if (was.pausedSince() == null) {
            current = render(was.states(), was.lastEventId(), was.overlay(), since, was.lostAt());
        }
    }

    /** The live channel is heard again and the hash was read after it. */
    public synchronized void resumed() {
        Snapshot was = current;
        if (was.pausedSince() != null) {
            current = render(was.states(), was.lastEventId(), was.overlay(), null, was.lostAt());
        }
    }

    /** Since when the live channel is not heard, or null while it is. */
    public Instant pausedSince() {
        return current.pausedSince();
    }

    /** Applies a fresh overlay (incidents, maintenances, overrides) read from PostgreSQL. */
    public synchronized void overlay(Overlay overlay) {
        Snapshot was = current;
        current = render(was.states(), was.lastEventId(), overlay, was.pausedSince(), was.lostAt());
    }

    /** Tells the SSE clients that this incident or maintenance was created or changed (as the pages show it now). */
    public void changed(ShownIncident incident) {
        PageEvent event = event(incident);
        if (event != null) {
            feed.publish(event);
        }
    }

    private Snapshot render(Map<String, ComponentState> states, String lastEventId, Overlay overlay,
            Instant pausedSince, Instant lostAt) {
        Map<String, PageBodies> rendered = new HashMap<>();
        for (PageScope page : pages) {
            rendered.put(page.info().id(), renderer.render(page, states, lastEventId, overlay, pausedSince, lostAt));
        }
        return new Snapshot(Map.copyOf(states), lastEventId, overlay, pausedSince, lostAt, Map.copyOf(rendered));
    }
}
