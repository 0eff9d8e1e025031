package io.herald.model;

/**
 * Every Redis key, stream, consumer group and channel name Herald uses. All share one configurable
 * prefix (default {@value #DEFAULT_PREFIX}) so tests and several pages can use one Redis. The names
 * inside braces form one hash tag, so on Redis Cluster the keys the evaluator writes atomically
 * (status hash, changes stream, check states) land in one slot.
 */
public final class RedisKeys {
    public static final String DEFAULT_PREFIX = "herald:";
    /** Consumer group of the evaluators on the signals stream. */
    public static final String EVALUATOR_GROUP = "evaluator";
    /** Consumer group of status-api on the changes stream. */
    public static final String HISTORY_GROUP = "status-api";
    /** Consumer group of status-api's latency recorder on the signals stream. */
    public static final String LATENCY_GROUP = "status-api-latency";
    /** Field of a changes-stream entry holding the {@link StatusChange} JSON. */
    public static final String CHANGE_FIELD = "change";

    private final String prefix;

    public RedisKeys(String prefix) {
        this.prefix = prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** Stream of {@link Signal}s, one entry per observation. */
    public String signals() {
        return prefix + "{status}:signals";
    }

    /** Hash: check id to the evaluator's per-check state (JSON). */
    public String checkStates() {
        return prefix + "{status}:checks";
    }

    /** Hash: pull check id to the key of the reading last appended for it (what its upstream last said). */
    public String pulled() {
        return prefix + "{status}:pulled";
    }

    /** Hash: component id to {@link ComponentState} JSON. */
    public String currentStatus() {
        return prefix + "{status}:current";
    }

    /** Stream of {@link StatusChange}s (field {@value #CHANGE_FIELD}). */
    public String changes() {
        return prefix + "{status}:changes";
    }

    /**
     * Hash: check id to when Herald last heard from it (epoch milliseconds, Redis's clock), counting a repeat that was
     * not appended again (a pull whose upstream said nothing new, a redelivered webhook): without it, a check whose
     * only news is "nothing changed" would look silent to the evaluator.
     */
    public String heard() {
        return prefix + "{status}:heard";
    }

    /**
     * String: an id written once (SET NX) by the first evaluator that finds Redis without it. An evaluator or
     * status-api that saw another id, or none where it had seen one, knows that Redis lost its data.
     */
    public String stateEpoch() {
        return prefix + "{status}:epoch";
    }

    /**
     * String: when Herald noticed that Redis had lost its data (ISO-8601). While it is set, a webhook check with no
     * saved state is stale ("no data since Herald's live state was lost"), not assumed up.
     */
    public String stateLost() {
        return prefix + "{status}:lost";
    }

    /** Pub/sub channel carrying {@link LiveNotice} JSON for every change. */
    public String liveChannel() {
        return prefix + "live";
    }

    /**
     * Marker key that a webhook delivery with this de-duplication id was already accepted. It shares the
     * {@code {status}} hash tag because it is set in the same script that appends to the signals stream.
     */
    public String dedupe(String source, String id) {
        return prefix + "{status}:dedupe:" + source + ":" + id;
    }

    /** Lease that lets one worker of a location run a check in one interval slot. */
    public String probeLease(String check, String location, long slot) {
        return prefix + "{probe}:lease:" + check + ":" + location + ":" + slot;
    }

    /** Token bucket limiting subscribe requests from one client address. */
    public String subscribeRate(String clientIp) {
        return prefix + "subscribers:rate:" + clientIp;
    }

    /** Token bucket limiting password sign-in attempts for one operator name (given as a digest of the name). */
    public String loginRate(String usernameDigest) {
        return prefix + "auth:login-rate:" + usernameDigest;
    }
}
