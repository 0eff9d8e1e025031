package io.herald.api.read;

import io.smallrye.mutiny.Uni;

/**
 * What writers of incidents, maintenances and overrides call after a write so the read model shows it: the overlay is
 * read again from PostgreSQL. The read model owns this interface and the overlay feed implements it, so writers
 * notify the read model without it importing them.
 */
public interface OverlayRefresh {

    /** Reads the overlay again soon; calls made while a read runs are folded into one more read. */
    void refresh();

    /** Reads the overlay again now; completes once the read model shows it (for writers that answer after it). */
    Uni<Void> refreshNow();
}
