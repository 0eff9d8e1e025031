package io.herald.ingest.evaluate;

import io.herald.model.StreamIds;
import java.time.Duration;
import java.time.Instant;

/**
 * The two times of a signal. Herald's is when it received it: the milliseconds of its signals-stream entry id, the
 * clock every rule that measures time uses (flapping, a location's freshness, silence). The sender's (observed at)
 * only orders one location's signals, and is not believed when it is more than {@code tolerance} ahead of Herald's:
 * the time received is used instead, and the detail says so.
 */
public record SignalTiming(Duration tolerance) {

    /** The sender's time as Herald uses it, and the words to add to the detail when it was replaced. */
    public record Observed(Instant at, String note) {
    }

    /** When Herald received the entry: its id's milliseconds. */
    public static Instant received(String entryId) {
        return Instant.ofEpochMilli(StreamIds.millis(entryId));
    }

    public Observed observed(Instant sent, Instant received) {
        if (sent == null) {
            return new Observed(received, "");
        }
        if (sent.isAfter(received.plus(tolerance))) {
            return new Observed(received, " (the sender's time " + sent + " was ahead of Herald's clock; the time "
                    + "received is used)");
        }
        return new Observed(sent, "");
    }

    /**
     * True when an entry is older news than what its location last said: its stream id is not after the last one
     * applied, or its sender's time is before the last one's. A last time far ahead of this entry's receipt was saved
     * before senders' times were bounded and orders nothing.
     *
     * @param last     the location's state, or null when nothing was applied from it yet
     * @param observed the entry's sender time, already bounded ({@link #observed})
     */
    public boolean isOlderThan(CheckState last, String entryId, Instant observed, Instant received) {
        if (last == null) {
            return false;
        }
        if (last.lastEntry() != null && StreamIds.compare(entryId, last.lastEntry()) <= 0) {
            return true;
        }
        Instant before = last.observedAt();
        return before != null && observed.isBefore(before) && !before.isAfter(received.plus(tolerance));
    }
}
