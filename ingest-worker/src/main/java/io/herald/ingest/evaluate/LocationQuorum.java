package io.herald.ingest.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Combines what each probe location currently says about a check (each after its own thresholds). The check is
 * DOWN only when {@code quorum} locations say down, so one location's own network is not an outage; a location
 * that has said nothing for {@code staleAfter} (a stopped worker, a cut-off site) no longer counts, and the
 * quorum never asks for more locations than are reporting. Otherwise DEGRADED if a location sees it slow, else UP.
 * Freshness is measured on Herald's clock: when each location's last signal was received.
 */
public record LocationQuorum(int quorum, Duration staleAfter) {

    /** The combined health and the words behind it. */
    public record Verdict(CheckHealth health, String detail) {
    }

    public Verdict combine(Map<String, CheckState> locations, Instant now) {
        List<Map.Entry<String, CheckState>> known = locations.entrySet().stream()
                .filter(e -> e.getValue().state() != CheckHealth.UNKNOWN).toList();
        if (known.isEmpty()) {
            return new Verdict(CheckHealth.UNKNOWN, "");
        }
        List<Map.Entry<String, CheckState>> fresh = known.stream().filter(e -> isFresh(e.getValue(), now)).toList();
        List<Map.Entry<String, CheckState>> counted = fresh.isEmpty() ? known : fresh;
        boolean several = locations.size() > 1;
        List<Map.Entry<String, CheckState>> down = having(counted, CheckHealth.DOWN);
        int needed = Math.min(quorum, counted.size());
        if (down.size() >= needed) {
            return new Verdict(CheckHealth.DOWN, words(down, several));
        }
        List<Map.Entry<String, CheckState>> slow = having(counted, CheckHealth.DEGRADED);
        if (!slow.isEmpty()) {
            return new Verdict(CheckHealth.DEGRADED, words(slow, several));
        }
        if (!down.isEmpty()) {
            return new Verdict(CheckHealth.UP, "down only from " + down.stream().map(Map.Entry::getKey)
                    .collect(Collectors.joining(", ")) + " (" + down.size() + " of " + counted.size()
                    + " locations, quorum " + quorum + "): " + down.get(0).getValue().detail());
        }
        return new Verdict(CheckHealth.UP, words(counted, false));
    }

    private boolean isFresh(CheckState state, Instant now) {
        Instant heard = state.heardAt();
        return staleAfter == null || heard == null || !heard.plus(staleAfter).isBefore(now);
    }

    private static List<Map.Entry<String, CheckState>> having(List<Map.Entry<String, CheckState>> states,
            CheckHealth health) {
        return states.stream().filter(e -> e.getValue().state() == health).toList();
    }

    /** Each location's detail, named when there are several; for UP only the latest one. */
    private static String words(List<Map.Entry<String, CheckState>> states, boolean named) {
        if (!named) {
            return states.stream().filter(e -> e.getValue().observedAt() != null)
                    .max((a, b) -> a.getValue().observedAt().compareTo(b.getValue().observedAt()))
                    .or(() -> states.stream().findFirst())
                    .map(e -> e.getValue().detail()).orElse("");
        }
        return states.stream().map(e -> e.getKey() + ": " + e.getValue().detail()).collect(Collectors.joining("; "));
    }
}
