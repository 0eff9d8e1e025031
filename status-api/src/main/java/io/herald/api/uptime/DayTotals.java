package io.herald.api.uptime;

import io.herald.model.ComponentStatus;

/** Milliseconds a component spent in each status over some period (a day, a window). */
public record DayTotals(long operational, long degraded, long partial, long major, long maintenance) {
    public static final DayTotals EMPTY = new DayTotals(0, 0, 0, 0, 0);

    public DayTotals plus(DayTotals other) {
        return new DayTotals(operational + other.operational, degraded + other.degraded, partial + other.partial,
                major + other.major, maintenance + other.maintenance);
    }

    public DayTotals plus(ComponentStatus status, long millis) {
        return switch (status) {
            case OPERATIONAL -> new DayTotals(operational + millis, degraded, partial, major, maintenance);
            case DEGRADED_PERFORMANCE -> new DayTotals(operational, degraded + millis, partial, major, maintenance);
            case PARTIAL_OUTAGE -> new DayTotals(operational, degraded, partial + millis, major, maintenance);
            case MAJOR_OUTAGE -> new DayTotals(operational, degraded, partial, major + millis, maintenance);
            case UNDER_MAINTENANCE -> new DayTotals(operational, degraded, partial, major, maintenance + millis);
        };
    }

    public long observed() {
        return operational + degraded + partial + major + maintenance;
    }

    /**
     * Uptime % = (time not in partial or major outage) / (time observed minus maintenance), degraded counting as
     * up, rounded to 3 decimals; null when nothing outside maintenance was observed.
     */
    public Double uptimePercent() {
        long counted = operational + degraded + partial + major;
        if (counted <= 0) {
            return null;
        }
        double percent = 100.0 * (operational + degraded) / counted;
        return Math.round(percent * 1000.0) / 1000.0;
    }

    /** The worst status with time on it, or null when nothing was observed. */
    public ComponentStatus worst() {
        if (major > 0) {
            return ComponentStatus.MAJOR_OUTAGE;
        }
        if (partial > 0) {
            return ComponentStatus.PARTIAL_OUTAGE;
        }
        if (degraded > 0) {
            return ComponentStatus.DEGRADED_PERFORMANCE;
        }
        if (maintenance > 0) {
            return ComponentStatus.UNDER_MAINTENANCE;
        }
        return operational > 0 ? ComponentStatus.OPERATIONAL : null;
    }
}
