package io.herald.ingest.evaluate;

import io.herald.model.Signal;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A check's rules in the order they apply: one location's thresholds, the quorum of fresh locations, the flapping
 * hold. Pure: the evaluator reads and writes the records; here they are only computed, for a new signal or, on the
 * timer, for time having passed.
 */
public final class CheckRules {
    private final FlapDetector flapping;
    private final SignalTiming timing;

    public CheckRules(FlapDetector flapping, SignalTiming timing) {
        this.flapping = flapping;
        this.timing = timing;
    }

    /** A webhook check means "no alert firing" until a monitor says otherwise; a probe or pull knows nothing yet. */
    public static CheckHealth initialHealth(CheckDef check) {
        return check.type().isProbe() ? CheckHealth.UNKNOWN : CheckHealth.UP;
    }

    /** A probe location not heard from for the check's expect_every (three intervals and a timeout) stops counting. */
    static LocationQuorum quorum(CheckDef check) {
        if (check.type().kind() != CheckType.Kind.PROBE) {
            return new LocationQuorum(check.quorum(), null);
        }
        Duration staleAfter = check.expectEvery() != null ? check.expectEvery()
                : check.interval().multipliedBy(3).plus(check.timeout());
        return new LocationQuorum(check.quorum(), staleAfter);
    }

    /** What applying one signal did: the new record, which only counts the signal when it was older news. */
    public record Applied(CheckRecord record, boolean superseded) {
    }

    /**
     * The record after the signal in stream entry {@code entryId}; {@code before} must not have handled it yet.
     *
     * @param before the check's record, or null when it has none
     */
    public Applied apply(CheckDef check, CheckRecord before, Signal signal, String entryId) {
        Instant received = SignalTiming.received(entryId);
        CheckRecord record = before != null ? before : CheckRecord.initial(initialHealth(check), received);
        String location = signal.location() == null ? "" : signal.location();
        CheckState last = record.locations().get(location);
        SignalTiming.Observed observed = timing.observed(signal.observedAt(), received);
        if (timing.isOlderThan(last, entryId, observed.at(), received)) {
            return new Applied(record.supersededBy(entryId), true);
        }
        CheckThreshold threshold = new CheckThreshold(check.failuresToDown(), check.successesToUp(),
                check.latencyLimit());
        CheckState locationAfter = threshold.apply(last != null ? last : CheckState.initial(initialHealth(check)),
                signal.outcome(), signal.latencyMs(), signal.detail() + observed.note(), observed.at())
                .received(entryId, received);
        Map<String, CheckState> locations = new LinkedHashMap<>(record.locations());
        locations.put(location, locationAfter);
        // Time never runs backwards for a check: an entry taken over late is judged at the check's own latest time.
        Instant now = later(received, record.heardAt());
        LocationQuorum.Verdict verdict = quorum(check).combine(locations, now);
        FlapDetector.Result flapped = flapping.apply(record.flap(), record.raw(), verdict.health(), verdict.detail(),
                now);
        return new Applied(record.next(entryId, location, locationAfter, verdict, flapped, received), false);
    }

    /** The record with time passed to {@code now} and no new signal; the same record when nothing changed. */
    public CheckRecord at(CheckDef check, CheckRecord record, Instant now) {
        if (record.locations().isEmpty()) {
            return record;
        }
        Instant at = later(now, record.heardAt());
        LocationQuorum.Verdict verdict = quorum(check).combine(record.locations(), at);
        FlapDetector.Result flapped = flapping.apply(record.flap(), record.raw(), verdict.health(), verdict.detail(),
                at);
        CheckRecord judged = record.judged(verdict, flapped);
        return judged.equals(record) ? record : judged;
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
