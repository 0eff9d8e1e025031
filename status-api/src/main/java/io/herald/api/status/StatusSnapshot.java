package io.herald.api.status;

import io.herald.api.overlay.Overlay;
import io.herald.model.StreamIds;
import io.herald.model.ComponentState;
import io.herald.model.LiveNotice;
import io.herald.model.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The current status held in memory. Writers (live notices, resyncs) are serialized; readers take the
 * current {@link RenderedStatus} without locking and do no I/O.
 */
@ApplicationScoped
public class StatusSnapshot {
    private final StatusRenderer renderer;
    private volatile RenderedStatus current;
    private volatile boolean loaded;

    public StatusSnapshot(StatusRenderer renderer) {
        this.renderer = renderer;
        this.current = renderer.render(Map.of(), null, Overlay.EMPTY);
    }

    /** Applies a fresh overlay (incidents, maintenances, overrides) read from PostgreSQL. */
    public synchronized void overlay(Overlay overlay) {
        current = renderer.render(current.states(), current.lastEventId(), overlay);
    }

    public RenderedStatus current() {
        return current;
    }

    /** True once the hash has been read from Redis at least once. */
    public boolean loaded() {
        return loaded;
    }

    /** Applies one change from the live channel. */
    public synchronized void apply(LiveNotice notice) {
        StatusChange change = notice.change();
        if (change == null || change.component() == null || change.to() == null) {
            return;
        }
        Map<String, ComponentState> states = new HashMap<>(current.states());
        states.put(change.component(),
                new ComponentState(change.component(), change.to(), change.at(), change.cause(), change.detail()));
        String lastEventId = StreamIds.isValid(notice.id())
                ? StreamIds.newer(notice.id(), current.lastEventId())
                : current.lastEventId();
        current = renderer.render(states, lastEventId, current.overlay());
    }

    /**
     * Replaces the states with a fresh read of the hash. A state we hold that is newer than the hash's (a live
     * notice that overtook the read's reply) is kept, so a resync never moves a component back in time.
     *
     * @param latestStreamId the newest changes-stream id read before the hash, or null
     */
    public synchronized void replace(Map<String, ComponentState> hash, String latestStreamId) {
        Map<String, ComponentState> held = current.states();
        Map<String, ComponentState> states = new HashMap<>();
        hash.forEach((component, state) -> {
            ComponentState mine = held.get(component);
            boolean mineIsNewer = mine != null && mine.since() != null && state.since() != null
                    && mine.since().isAfter(state.since());
            states.put(component, mineIsNewer ? mine : state);
        });
        String lastEventId = StreamIds.isValid(latestStreamId)
                ? StreamIds.newer(latestStreamId, current.lastEventId())
                : current.lastEventId();
        loaded = true;
        if (!states.equals(held) || !Objects.equals(lastEventId, current.lastEventId())) {
            current = renderer.render(states, lastEventId, current.overlay());
        }
    }
}
