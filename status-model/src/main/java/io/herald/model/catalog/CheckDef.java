package io.herald.model.catalog;

import java.time.Duration;
import java.util.Set;

/**
 * One check of a component and the thresholds that turn its raw outcomes into a state.
 *
 * @param id             unique across the catalog; signals name it
 * @param name           shown to people
 * @param type           http probe or webhook-fed
 * @param componentId    the component it belongs to
 * @param interval       how often a probe runs (probes only)
 * @param timeout        how long a probe waits (probes only)
 * @param url            what an http probe requests
 * @param method         the http method
 * @param expectStatus   http statuses counted as success
 * @param bodyContains   a keyword the body must contain, or null
 * @param source         the webhook source allowed to report it (webhook checks only)
 * @param failuresToDown consecutive failed observations before the check is down
 * @param successesToUp  consecutive good observations before a down check is up again
 * @param latencyLimit   latency above which a good observation counts as slow, or null for none
 * @param quorum         probes: how many probe locations must currently say down before the check is down
 * @param spec           the type's own options (target, protocol settings, upstream mapping)
 */
public record CheckDef(String id, String name, CheckType type, String componentId, Duration interval,
        Duration timeout, String url, String method, Set<Integer> expectStatus, String bodyContains, String source,
        int failuresToDown, int successesToUp, Duration latencyLimit, int quorum, ProbeSpec spec) {

    /** The spec as the type's record; the loader guarantees the type matches. */
    public <T extends ProbeSpec> T spec(Class<T> type) {
        return type.cast(spec);
    }
}
