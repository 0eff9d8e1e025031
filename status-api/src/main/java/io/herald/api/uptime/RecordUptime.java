package io.herald.api.uptime;

import io.herald.api.catalog.PageTime;
import io.herald.model.ComponentStatus;
import io.herald.model.StatusChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Keeps the per-day totals current as each change is stored: the interval the change closes (from the component's
 * previous change to this one) is split at local midnights and maintenance windows and added to uptime_day. Runs
 * inside the transaction that stores the change, so a redelivered change is never counted twice.
 */
@ApplicationScoped
public class RecordUptime {
    private final UptimeRepository repository;
    private final PageTime time;

    public RecordUptime(UptimeRepository repository, PageTime time) {
        this.repository = repository;
        this.time = time;
    }

    public Uni<Void> record(StatusChange change) {
        String component = change.component();
        return repository.cursorForUpdate(component).flatMap(cursor -> {
            if (cursor != null && !change.at().isAfter(cursor.since())) {
                // An older change arriving late: the interval it would close has been counted already.
                return Uni.createFrom().voidItem();
            }
            Uni<Void> closed = cursor == null ? Uni.createFrom().voidItem() : close(cursor, change.at());
            return closed.flatMap(ignored -> repository.saveCursor(component, change.to(), change.at()));
        });
    }

    private Uni<Void> close(UptimeRepository.Cursor cursor, Instant to) {
        ComponentStatus status = cursor.status();
        return repository.windows(cursor.componentId(), cursor.since(), to)
                .flatMap(windows -> repository.add(cursor.componentId(), UptimeSplit.split(cursor.since(), to, status,
                        time.zone(), windows.stream().map(UptimeRepository.ComponentWindow::window).toList())));
    }
}
