package io.herald.web.incident;

import io.herald.model.problem.ProblemException;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A month of the incident history as its address writes it, {@code yyyy-MM}, from 1970-01 (nothing Herald keeps is
 * older) to 9999-12 (a four-digit year). Anything else is bad input, never a month computed past the end of time.
 */
final class HistoryMonth {
    static final YearMonth FIRST = YearMonth.of(1970, 1);
    static final YearMonth LAST = YearMonth.of(9999, 12);
    // ASCII digits only (no sign, no other script's digits), exactly four for the year and two for the month.
    private static final Pattern WRITTEN = Pattern.compile("([0-9]{4})-([0-9]{2})");

    private HistoryMonth() {
    }

    /** @throws ProblemException 400 {@code bad-month} when the text is not a month from 1970-01 to 9999-12 */
    static YearMonth parse(String text) {
        Matcher written = text == null ? null : WRITTEN.matcher(text);
        if (written == null || !written.matches()) {
            throw bad();
        }
        int year = Integer.parseInt(written.group(1));
        int month = Integer.parseInt(written.group(2));
        if (year < FIRST.getYear() || month < 1 || month > 12) {
            throw bad();
        }
        return YearMonth.of(year, month);
    }

    /** The month before, or null at the first one (no link to a month the page refuses). */
    static String previous(YearMonth month) {
        return month.isAfter(FIRST) ? month.minusMonths(1).toString() : null;
    }

    /** The month after, or null at the last one. */
    static String next(YearMonth month) {
        return month.isBefore(LAST) ? month.plusMonths(1).toString() : null;
    }

    private static ProblemException bad() {
        return ProblemException.badParameter("month", "Bad month",
                "Give the month as yyyy-MM, from 1970-01 to 9999-12, such as 2026-11.");
    }
}
