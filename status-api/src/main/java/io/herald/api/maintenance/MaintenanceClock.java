package io.herald.api.maintenance;

import io.herald.api.read.Vocabulary;
import java.time.Duration;
import java.time.Instant;

/**
 * When a maintenance moves on by itself: scheduled -> in_progress at scheduled_for, in_progress -> verifying at
 * scheduled_until, verifying -> completed once the verifying period after scheduled_until has passed. A late tick
 * moves it one step per tick until it has caught up.
 */
public final class MaintenanceClock {
    private MaintenanceClock() {
    }

    /** The next status, or null when it stays. */
    public static String next(String status, Instant scheduledFor, Instant scheduledUntil, Duration verifying,
            Instant now) {
        return switch (status) {
            case Vocabulary.MAINTENANCE_SCHEDULED -> !now.isBefore(scheduledFor)
                    ? Vocabulary.MAINTENANCE_IN_PROGRESS : null;
            case Vocabulary.MAINTENANCE_IN_PROGRESS -> !now.isBefore(scheduledUntil)
                    ? Vocabulary.MAINTENANCE_VERIFYING : null;
            case Vocabulary.MAINTENANCE_VERIFYING -> !now.isBefore(scheduledUntil.plus(verifying))
                    ? Vocabulary.MAINTENANCE_COMPLETED : null;
            default -> null;
        };
    }

    /** Whether an operator may move a maintenance from one status to another (forward only). */
    public static boolean allowed(String from, String to) {
        int a = Vocabulary.MAINTENANCE_STATUSES.indexOf(from);
        int b = Vocabulary.MAINTENANCE_STATUSES.indexOf(to);
        return a >= 0 && b >= 0 && b >= a && !Vocabulary.MAINTENANCE_COMPLETED.equals(from);
    }

    public static String words(String status) {
        return switch (status) {
            case Vocabulary.MAINTENANCE_IN_PROGRESS -> "The scheduled maintenance is in progress.";
            case Vocabulary.MAINTENANCE_VERIFYING -> "The maintenance work is done; we are verifying that everything "
                    + "works.";
            case Vocabulary.MAINTENANCE_COMPLETED -> "The scheduled maintenance has been completed.";
            default -> "The maintenance is scheduled.";
        };
    }
}
