package io.herald.ingest.evaluate;

import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What a check tells the rollup once time is counted. A check last heard longer ago than its {@code expect_every} is
 * silent: with {@link CheckType.Silence#STALE} its last word stands and is marked stale, a silent up (or degraded)
 * counting as degraded, never operational, a silent down staying down; with {@link CheckType.Silence#DOWN} (a
 * heartbeat) it is down, and one never heard is down once {@code expect_every} has passed since the evaluator first
 * knew it. While Herald's live state is lost, a pushed check that can only be stale and has no saved state is not
 * known at all: it does not count, and says since when.
 */
public final class CheckSilence {
    private CheckSilence() {
    }

    /** A check as the rollup sees it. */
    public record View(CheckHealth state, String detail, boolean stale, String staleDetail, boolean counted)
            implements CheckView {
    }

    /**
     * @param record the check's saved record, or null when there is none
     * @param now    Herald's clock: the time an entry was received, or the evaluator's on its timer
     * @param lostAt when Herald noticed that Redis lost its data, while that is within the grace; else null
     * @param heard  when a repeat of the check's last signal was last received (not appended again), or null
     */
    public static View judge(CheckDef check, CheckRecord record, Instant now, Instant lostAt, Instant heard) {
        if (record == null) {
            if (lostAt != null && check.type().kind() == CheckType.Kind.PUSH
                    && check.type().silence() == CheckType.Silence.STALE) {
                return new View(CheckHealth.UNKNOWN, "", true, "no data from " + check.name()
                        + " since Herald's live state was lost at " + time(lostAt), false);
            }
            return new View(check.type().isProbe() ? CheckHealth.UNKNOWN : CheckHealth.UP, "", false, "", true);
        }
        Instant last = later(record.heardAt(), heard);
        Instant from = last != null ? last : record.since();
        Duration expected = check.expectEvery();
        // A check is never judged at a time before its own last word (an evaluator's clock behind Redis's).
        boolean silent = expected != null && from != null && from.plus(expected).isBefore(later(now, last));
        if (!silent || record.state() == CheckHealth.UNKNOWN) {
            return new View(record.state(), record.detail(), false, "", true);
        }
        if (check.type().silence() == CheckType.Silence.DOWN) {
            return new View(CheckHealth.DOWN, "no heartbeat from " + check.name() + " since " + time(from)
                    + " (expected every " + words(expected) + ")", false, "", true);
        }
        String words = "no recent data from " + check.name() + " since " + time(from);
        return record.state() == CheckHealth.DOWN
                ? new View(CheckHealth.DOWN, record.detail(), true, words, true)
                : new View(CheckHealth.DEGRADED, words, true, words, true);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** As the catalog writes durations: 2s, 5m, 1h30m, 500ms. */
    static String words(Duration duration) {
        StringBuilder text = new StringBuilder();
        long hours = duration.toHours();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            text.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            text.append(duration.toSecondsPart()).append('s');
        }
        if (duration.toMillisPart() > 0 || text.length() == 0) {
            text.append(duration.toMillisPart()).append("ms");
        }
        return text.toString();
    }
}
