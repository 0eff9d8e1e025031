package io.herald.api.read;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/**
 * The incidents and maintenances created or changed since a time, read from PostgreSQL: what an SSE client that
 * resumes after being away since then has missed. Owned by the read model, implemented by the overlay feed.
 */
public interface IncidentChanges {

    /** The latest ones changed since then (a bounded number), oldest change first. */
    Uni<List<ShownIncident>> changedSince(Instant since);
}
