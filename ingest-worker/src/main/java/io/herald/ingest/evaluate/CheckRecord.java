package io.herald.ingest.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the evaluators share about one check, as JSON in the check-states hash: each location's threshold
 * state, the combined (quorum) health, the flapping memory, the effective health the rollup uses, and the last
 * stream entries handled, so an entry redelivered to another evaluator (XAUTOCLAIM) is never counted twice.
 *
 * @param state      effective health, after quorum and flapping
 * @param raw        health after the quorum of locations, before the flapping hold
 * @param count      how many signals were applied, ever (a redelivery does not count)
 * @param heard      when Herald received the last signal applied (its entry id's time); what silence is measured from
 * @param since      when the record was created: the first signal, or the first time an evaluator knew the check
 *                   (a heartbeat never heard is missed from then on)
 * @param superseded how many signals were acknowledged without being applied, being older than one already applied
 *                   from their location
 */
public record CheckRecord(
        @JsonProperty("state") CheckHealth state,
        @JsonProperty("raw") CheckHealth raw,
        @JsonProperty("detail") String detail,
        @JsonProperty("locations") Map<String, CheckState> locations,
        @JsonProperty("flap") FlapState flap,
        @JsonProperty("applied") List<String> applied,
        @JsonProperty("count") long count,
        @JsonProperty("heard") Instant heard,
        @JsonProperty("since") Instant since,
        @JsonProperty("superseded") long superseded) implements CheckView {

    static final int REMEMBERED = 64;

    public CheckRecord {
        locations = locations == null ? Map.of() : locations;
        flap = flap == null ? FlapState.NONE : flap;
        applied = applied == null ? List.of() : applied;
        detail = detail == null ? "" : detail;
    }

    /** The record of a check nothing was heard from yet, as the evaluator first knows it at {@code since}. */
    public static CheckRecord initial(CheckHealth state, Instant since) {
        return new CheckRecord(state, state, "", Map.of(), FlapState.NONE, List.of(), 0, null, since, 0);
    }

    public boolean alreadyApplied(String entryId) {
        return applied.contains(entryId);
    }

    /**
     * When the check was last heard from: the time its last signal was received, or for a record saved by an earlier
     * version the latest time one of its locations knows.
     */
    public Instant heardAt() {
        if (heard != null) {
            return heard;
        }
        return locations.values().stream().map(CheckState::heardAt).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
    }

    /** The record after one more applied entry, received at {@code received}. */
    public CheckRecord next(String entryId, String location, CheckState locationState, LocationQuorum.Verdict verdict,
            FlapDetector.Result flapped, Instant received) {
        Map<String, CheckState> newLocations = new LinkedHashMap<>(locations);
        newLocations.put(location, locationState);
        Instant last = heardAt() == null || received.isAfter(heardAt()) ? received : heardAt();
        return new CheckRecord(flapped.health(), verdict.health(), flapped.detail(), newLocations, flapped.flap(),
                remember(entryId), count + 1, last, since == null ? received : since, superseded);
    }

    /** The record after an entry that was older than what its location already said: counted, nothing applied. */
    public CheckRecord supersededBy(String entryId) {
        return new CheckRecord(state, raw, detail, locations, flap, remember(entryId), count, heard, since,
                superseded + 1);
    }

    /** The record judged again with no new signal (quorum of fresh locations, flapping hold). */
    public CheckRecord judged(LocationQuorum.Verdict verdict, FlapDetector.Result flapped) {
        return new CheckRecord(flapped.health(), verdict.health(), flapped.detail(), locations, flapped.flap(), applied,
                count, heard, since, superseded);
    }

    private List<String> remember(String entryId) {
        List<String> newApplied = new ArrayList<>(applied);
        newApplied.add(entryId);
        if (newApplied.size() > REMEMBERED) {
            newApplied = newApplied.subList(newApplied.size() - REMEMBERED, newApplied.size());
        }
        return List.copyOf(newApplied);
    }
}
