package io.herald.ingest.webhook.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Replay protection shared by the signed schemes: a unix-seconds header must lie within a tolerance of now. */
final class Timestamps {
    /** Beyond about 300 years the exact distance says nothing more (and could overflow). */
    private static final long MAX_SHOWN = 10_000_000_000L;

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
        long allowed = tolerance.getSeconds();
        // Compared without subtracting: now - seconds overflows for values near Long.MIN_VALUE, and Math.abs of the
        // overflowed Long.MIN_VALUE is negative, which would pass for "within the tolerance".
        if (seconds >= now - allowed && seconds <= now + allowed) {
            return Optional.empty();
        }
        String how = seconds < now
                ? (seconds < now - MAX_SHOWN ? "more than " + MAX_SHOWN : Long.toString(now - seconds)) + " s in the past"
                : (seconds > now + MAX_SHOWN ? "more than " + MAX_SHOWN : Long.toString(seconds - now)) + " s in the future";
        return Optional.of("the " + header + " header is " + how + ", outside the " + allowed + " s tolerance");
    }
}
