package io.herald.ingest.probe;

import io.herald.model.catalog.CheckDef;
import io.smallrye.mutiny.Uni;

/**
 * Runs one check of one probe type once from this worker's location. A probe type is one CDI bean implementing
 * this, found by {@link #type()} (the catalog's wire name, whose options status-model's parser of that name reads).
 */
public interface CheckProbe {

    /** The catalog type it runs, such as "imap". */
    String type();

    /** Never fails: a probe that cannot reach its target says so in a down result. */
    Uni<ProbeResult> probe(CheckDef check);
}
