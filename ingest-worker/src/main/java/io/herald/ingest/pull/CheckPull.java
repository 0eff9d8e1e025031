package io.herald.ingest.pull;

import io.herald.model.catalog.CheckDef;
import io.smallrye.mutiny.Uni;

/**
 * Reads an upstream status for one check of one pull type. A pull type is one CDI bean implementing this, found by
 * {@link #type()} (the catalog's wire name).
 */
public interface CheckPull {

    /** The catalog type it pulls, such as "statuspage". */
    String type();

    /** Fails with {@link UpstreamException} when the upstream cannot be read; nothing is recorded then. */
    Uni<Pulled> pull(CheckDef check);
}
