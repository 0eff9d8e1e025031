package io.herald.ingest.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the evaluators share about one check, as JSON in the check-states hash: each location's threshold
 * state, the combined (quorum) health, the flapping memory, the effective health the rollup uses, and the last
 * stream entries applied, so an entry redelivered to another evaluator (XAUTOCLAIM) is never applied twice.
 *
 * @param state     effective health, after quorum and flapping
 * @param raw       health after the quorum of locations, before the flapping hold
 * @param count     how many signals were applied, ever (a redelivery does not count)
 */
public record CheckRecord(
        @JsonProperty("state") CheckHealth state,
        @JsonProperty("raw") CheckHealth raw,
        @JsonProperty("detail") String detail,
        @JsonProperty("locations") Map<String, CheckState> locations,
        @JsonProperty("flap") FlapState flap,
        @JsonProperty("applied") List<String> applied,
        @JsonProperty("count") long count) implements CheckView {

    static final int REMEMBERED = 64;

    public CheckRecord {
        locations = locations == null ? Map.of() : locations;
        flap = flap == null ? FlapState.NONE : flap;
        applied = applied == null ? List.of() : applied;
        detail = detail == null ? "" : detail;
    }

    public static CheckRecord initial(CheckHealth state) {
        return new CheckRecord(state, state, "", Map.of(), FlapState.NONE, List.of(), 0);
    }

    public boolean alreadyApplied(String entryId) {
        return applied.contains(entryId);
    }

    /** The record after one more applied entry. */
    public CheckRecord next(String entryId, String location, CheckState locationState, LocationQuorum.Verdict verdict,
            FlapDetector.Result flapped) {
        Map<String, CheckState> newLocations = new LinkedHashMap<>(locations);
        newLocations.put(location, locationState);
        List<String> newApplied = new ArrayList<>(applied);
        newApplied.add(entryId);
        if (newApplied.size() > REMEMBERED) {
            newApplied = newApplied.subList(newApplied.size() - REMEMBERED, newApplied.size());
        }
        return new CheckRecord(flapped.health(), verdict.health(), flapped.detail(), newLocations, flapped.flap(),
                List.copyOf(newApplied), count + 1);
    }
}
