package io.herald.ingest.webhook.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Replay protection shared by the signed schemes: a unix-seconds header must lie within a tolerance of now. */
final class Timestamps {

    private Timestamps() {
    }

    /** Empty when acceptable, otherwise why not. */
    static Optional<String> outsideTolerance(String header, String value, Duration tolerance, Clock clock) {
        long seconds;
        try {
            seconds = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Optional.of("the " + header + " header is not unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        long skew = now - seconds;
        if (Math.abs(skew) <= tolerance.getSeconds()) {
            return Optional.empty();
        }
        String direction = skew > 0 ? " s in the past" : " s in the future";
        return Optional.of("the " + header + " header is " + Math.abs(skew) + direction + ", outside the "
                + tolerance.getSeconds() + " s tolerance");
    }
}
