package io.herald.web.view;

import java.time.Duration;

/**
 * Reconnect delays: doubling from {@code min} up to {@code max}, then shortened by up to a fifth at
 * random, so that many status-web replicas do not all knock on status-api at the same instant.
 */
public record Backoff(Duration min, Duration max) {

    public Backoff {
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("reconnect-min must be positive, got " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("reconnect-max (" + max + ") must not be below reconnect-min (" + min + ")");
        }
    }

    /**
     * @param failures how many attempts failed in a row before this one (0 for the first retry)
     * @param jitter   a number in [0, 1]; 0 gives the full delay, 1 a fifth less
     */
    public Duration delay(int failures, double jitter) {
        long minMillis = min.toMillis();
        long maxMillis = max.toMillis();
        int shift = Math.min(Math.max(failures, 0), 30);
        long full = minMillis << shift;
        if (full <= 0 || full > maxMillis) {
            full = maxMillis;
        }
        double clamped = Math.min(Math.max(jitter, 0.0), 1.0);
        return Duration.ofMillis(Math.round(full * (1.0 - 0.2 * clamped)));
    }
}
