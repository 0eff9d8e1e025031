package io.herald.api.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The months, dates and times a request may name: years 1970 to 9999. Java parses years far beyond (+999999999-12
 * is a valid YearMonth), but the next month of it overflows and PostgreSQL stores no such time, so a request naming
 * one is refused as bad input rather than failing later.
 */
public final class TimeBounds {
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 9999;
    /** How the accepted range reads in a problem's detail. */
    public static final String WORDS = "from " + FIRST_YEAR + " to " + LAST_YEAR;

    private TimeBounds() {
    }

    public static boolean accepts(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean accepts(YearMonth month) {
        return accepts(month.getYear());
    }

    /** A time given with its offset: the year as written and the year in UTC must both be in range. */
    public static boolean accepts(OffsetDateTime time) {
        return accepts(time.getYear()) && accepts(time.withOffsetSameInstant(ZoneOffset.UTC).getYear());
    }

    public static boolean accepts(Instant instant) {
        return accepts(instant.atOffset(ZoneOffset.UTC));
    }
}
