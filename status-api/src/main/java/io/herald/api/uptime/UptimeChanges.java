package io.herald.api.uptime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tells the uptime readers that stored figures changed (a change, an incident, a maintenance), so caches drop. */
@ApplicationScoped
public class UptimeChanges {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void changed() {
        listeners.forEach(Runnable::run);
    }
}
