package io.herald.api.uptime;

import io.herald.model.ComponentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits the time a component spent in one status into per-day amounts, in the page's time zone. A day is from one
 * local midnight to the next (23 or 25 hours on DST days); the parts of the interval inside a maintenance window
 * count as {@link ComponentStatus#UNDER_MAINTENANCE} whatever the evaluated status was.
 */
public final class UptimeSplit {

    /** A maintenance window, [from, to). */
    public record Window(Instant from, Instant to) {
    }

    /** Milliseconds spent on one day in one status. */
    public record DayAmount(LocalDate day, ComponentStatus status, long millis) {
    }

    private UptimeSplit() {
    }

    public static List<DayAmount> split(Instant from, Instant to, ComponentStatus status, ZoneId zone,
            List<Window> maintenance) {
        List<DayAmount> out = new ArrayList<>();
        if (from == null || to == null || !to.isAfter(from)) {
            return out;
        }
        Map<String, DayAmount> merged = new TreeMap<>();
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            LocalDate day = cursor.atZone(zone).toLocalDate();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant next = min(dayEnd, to);
            boolean inWindow = false;
            for (Window window : maintenance) {
                if (!window.from().isAfter(cursor) && window.to().isAfter(cursor)) {
                    inWindow = true;
                    next = min(next, window.to());
                } else if (window.from().isAfter(cursor) && window.from().isBefore(next)) {
                    next = window.from();
                }
            }
            ComponentStatus counted = inWindow ? ComponentStatus.UNDER_MAINTENANCE : status;
            long millis = next.toEpochMilli() - cursor.toEpochMilli();
            merged.merge(day + "|" + counted.wire(), new DayAmount(day, counted, millis),
                    (a, b) -> new DayAmount(a.day(), a.status(), a.millis() + b.millis()));
            cursor = next;
        }
        out.addAll(merged.values());
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
