package io.herald.model.catalog;

import java.time.Duration;
import java.util.Set;

/**
 * Reads one check type's own options. A type is added by one implementation listed in
 * {@code META-INF/services/io.herald.model.catalog.CheckOptionsParser}; the loader finds it by {@link #type()}'s
 * wire name, so no switch elsewhere names the types.
 */
public interface CheckOptionsParser {

    CheckType type();

    /** The keys this type takes beside the ones every check has (id, name, type, interval, thresholds). */
    Set<String> keys();

    /**
     * @param fields  the check's keys; its readers throw the catalog's {@code file:line} errors
     * @param checkId the check's id, already validated
     */
    CheckOptions read(Fields fields, String checkId);

    /**
     * The check's {@code expect_every} when the catalog gives none: for probes and pulls three intervals plus the
     * timeout (a location or an upstream that missed three runs); for pushed signals none, since a monitor that
     * reports only alerts is silent when all is well. A type whose silence means something (a heartbeat) overrides it.
     */
    default Duration defaultExpectEvery(Duration interval, Duration timeout) {
        return type().isProbe() ? interval.multipliedBy(3).plus(timeout) : null;
    }
}
