package io.herald.ingest.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the evaluator remembers about one check from one location: its state, the consecutive-result counters the
 * thresholds work on, and the last observation's detail. Persisted as JSON in the check-states hash.
 *
 * @param failures   consecutive down results
 * @param successes  consecutive up or degraded results
 * @param slow       consecutive slow good results (degraded, or above the latency limit)
 * @param fast       consecutive fast good results
 * @param observedAt the sender's time of the last signal applied, bounded by the time it was received
 * @param lastEntry  signals-stream id of the last signal applied: an entry not after it is older news
 * @param heard      when Herald received the last signal applied (its entry id's time); null in a state saved by an
 *                   earlier version, which only knew the observed time
 */
public record CheckState(
        @JsonProperty("state") CheckHealth state,
        @JsonProperty("failures") int failures,
        @JsonProperty("successes") int successes,
        @JsonProperty("slow") int slow,
        @JsonProperty("fast") int fast,
        @JsonProperty("detail") String detail,
        @JsonProperty("observed_at") Instant observedAt,
        @JsonProperty("last_entry") String lastEntry,
        @JsonProperty("heard") Instant heard) implements CheckView {

    /** A state not received from the stream (a table test's, or one built before its entry is known). */
    public CheckState(CheckHealth state, int failures, int successes, int slow, int fast, String detail,
            Instant observedAt, String lastEntry) {
        this(state, failures, successes, slow, fast, detail, observedAt, lastEntry, null);
    }

    public static CheckState initial(CheckHealth state) {
        return new CheckState(state, 0, 0, 0, 0, "", null, null, null);
    }

    /** This state as the effect of the given stream entry, received at {@code heard}. */
    public CheckState received(String entryId, Instant heard) {
        return new CheckState(state, failures, successes, slow, fast, detail, observedAt, entryId, heard);
    }

    /** When this location was last heard from: the time received, or for an older saved state its observed time. */
    public Instant heardAt() {
        return heard != null ? heard : observedAt;
    }
}
