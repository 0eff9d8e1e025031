package io.herald.model.catalog;

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
}
