package io.herald.ingest.evaluate;

import io.herald.model.StreamIds;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * What the evaluator remembers about one check: its state, the consecutive-result counters the thresholds
 * work on, and the last observation's detail. Persisted as JSON in the check-states hash.
 *
 * @param failures  consecutive down results
 * @param successes consecutive up or degraded results
 * @param slow      consecutive slow good results (degraded, or above the latency limit)
 * @param fast      consecutive fast good results
 * @param lastEntry signals-stream id of the last signal applied, so a replayed entry is not counted twice
 */
public record CheckState(
        @JsonProperty("state") CheckHealth state,
        @JsonProperty("failures") int failures,
        @JsonProperty("successes") int successes,
        @JsonProperty("slow") int slow,
        @JsonProperty("fast") int fast,
        @JsonProperty("detail") String detail,
        @JsonProperty("observed_at") Instant observedAt,
        @JsonProperty("last_entry") String lastEntry) implements CheckView {

    public static CheckState initial(CheckHealth state) {
        return new CheckState(state, 0, 0, 0, 0, "", null, null);
    }

    public CheckState withLastEntry(String entryId) {
        return new CheckState(state, failures, successes, slow, fast, detail, observedAt, entryId);
    }

    /** True when the given stream entry is this check's last applied one or older. */
    public boolean alreadyApplied(String entryId) {
        return lastEntry != null && StreamIds.compare(entryId, lastEntry) <= 0;
    }
}
