package io.herald.api.subscriber;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Subscribers, their sign-up and the delivery of notifications (see README.md for every property). */
@ConfigMapping(prefix = "herald.subscribers")
public interface SubscriberConfig {

    /** The address this status-api is reached at from outside, for the links in mails (env HERALD_SUBSCRIBERS_PUBLIC_URL). */
    @WithDefault("http://localhost:8081")
    String publicUrl();

    /** Whether targets on loopback, private and link-local addresses are accepted (env HERALD_SUBSCRIBERS_ALLOW_PRIVATE_TARGETS). */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Sender of notification mails (env HERALD_SUBSCRIBERS_MAIL_FROM). */
    @WithDefault("Herald <status@localhost>")
    String mailFrom();

    /** How long a delivery is retried before it is given up (env HERALD_SUBSCRIBERS_MAX_AGE). */
    @WithDefault("24h")
    Duration maxAge();

    RateLimit rateLimit();

    Delivery delivery();

    interface RateLimit {
        /** Subscribe requests one client IP may make in a burst (env HERALD_SUBSCRIBERS_RATE_LIMIT_BURST). */
        @WithDefault("5")
        int burst();

        /** Requests refilled per minute and client IP (env HERALD_SUBSCRIBERS_RATE_LIMIT_PER_MINUTE). */
        @WithDefault("10")
        int perMinute();
    }

    interface Delivery {
        /** How often the dispatcher looks for new events and due deliveries (env HERALD_SUBSCRIBERS_DELIVERY_POLL_INTERVAL). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Deliveries claimed at most per round (env HERALD_SUBSCRIBERS_DELIVERY_BATCH). */
        @WithDefault("500")
        int batch();

        /** Deliveries in flight at once in this process (env HERALD_SUBSCRIBERS_DELIVERY_CONCURRENCY). */
        @WithDefault("256")
        int concurrency();

        /** Deliveries in flight at once to one receiver (host:port, or the SMTP server) (env HERALD_SUBSCRIBERS_DELIVERY_PER_RECEIVER). */
        @WithDefault("32")
        int perReceiver();

        /** Time a webhook receiver has to answer one request (env HERALD_SUBSCRIBERS_DELIVERY_TIMEOUT). */
        @WithDefault("10s")
        Duration timeout();

        /** How long a claimed delivery stays reserved; after it, another replica retries it (env HERALD_SUBSCRIBERS_DELIVERY_LEASE). */
        @WithDefault("2m")
        Duration lease();

        /** First retry delay before jitter; doubled per attempt (env HERALD_SUBSCRIBERS_DELIVERY_BACKOFF_BASE). */
        @WithDefault("10s")
        Duration backoffBase();

        /** Longest retry delay before jitter (env HERALD_SUBSCRIBERS_DELIVERY_BACKOFF_MAX). */
        @WithDefault("1h")
        Duration backoffMax();
    }
}
