package io.herald.model.catalog;

import java.time.Duration;

/**
 * One check of a component and the thresholds that turn its raw outcomes into a state.
 *
 * @param id             unique across the catalog; signals name it
 * @param name           shown to people
 * @param type           its type's wire name and kind (probe, pull or push)
 * @param componentId    the component it belongs to
 * @param interval       how often a probe or pull runs
 * @param timeout        how long a probe or pull waits
 * @param failuresToDown consecutive failed observations before the check is down
 * @param successesToUp  consecutive good observations before a down check is up again
 * @param latencyLimit   latency above which a good observation counts as slow, or null for none
 * @param quorum         probes: how many probe locations must currently say down before the check is down
 * @param options        the type's own options (target, protocol settings, upstream mapping, webhook source)
 * @param expectEvery    how long the check may stay silent before its type's {@link CheckType.Silence} applies (stale
 *                       or down), or null when silence means nothing (a webhook from a monitor that only speaks when
 *                       an alert fires). Probes and pulls default to three intervals plus the timeout.
 */
public record CheckDef(String id, String name, CheckType type, String componentId, Duration interval,
        Duration timeout, int failuresToDown, int successesToUp, Duration latencyLimit, int quorum,
        CheckOptions options, Duration expectEvery) {

    /** The options as the type's record; the loader guarantees the type matches. */
    public <T extends CheckOptions> T options(Class<T> type) {
        return type.cast(options);
    }
}
