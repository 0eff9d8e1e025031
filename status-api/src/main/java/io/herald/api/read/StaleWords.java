package io.herald.api.read;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The words a page shows for a status that is the last known one. Times are in UTC like the evaluator's own stale
 * words ("since 09:12 UTC"); a time more than 12 hours back also names its day, since the words are rendered once and
 * read later.
 */
public final class StaleWords {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Duration RECENT = Duration.ofHours(12);

    private StaleWords() {
    }

    /** "12:02 UTC", or "2026-12-01 12:02 UTC" when it is more than 12 hours before {@code now}. */
    public static String at(Instant at, Instant now) {
        return at.isBefore(now.minus(RECENT)) ? DAY_AND_TIME.format(at) : TIME.format(at);
    }

    /** A component shown with its last known status: "no live data since 12:02 UTC: last known state". */
    public static String noLiveDataSince(Instant since, Instant now) {
        return "no live data since " + at(since, now) + ": last known state";
    }

    /** The page while status-api hears no evaluator: "Live updates are paused since 12:02 UTC; ...". */
    public static String pausedSince(Instant since, Instant now) {
        return "Live updates are paused since " + at(since, now) + "; this is the last known state";
    }
}
