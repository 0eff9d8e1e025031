package io.herald.api.subscriber;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff with full jitter. After attempt n the ceiling is
 * {@code min(max, base * 2^(n-1))} and the wait is a uniform random fraction of it, so receivers coming back from an
 * outage are not hit by every sender at once. A delivery whose next try would fall after {@code createdAt + maxAge}
 * is given up.
 */
public record RetryBackoff(Duration base, Duration max, Duration maxAge) {

    public static RetryBackoff from(SubscriberConfig config) {
        return new RetryBackoff(config.delivery().backoffBase(), config.delivery().backoffMax(), config.maxAge());
    }

    /** The ceiling of the wait after the given number of attempts (1 = after the first failure). */
    public Duration ceiling(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /**
     * @param random a number in [0, 1): the jitter
     * @return when to try again, or empty when the delivery is to be given up
     */
    public Optional<Instant> nextAttempt(int attempts, Instant createdAt, Instant now, double random) {
        long wait = (long) (ceiling(attempts).toMillis() * random);
        Instant next = now.plusMillis(wait);
        return next.isAfter(createdAt.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }
}
