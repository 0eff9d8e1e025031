package io.herald.web.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Retries an assertion until it passes or the time is up, then fails with its last failure (awaitility). */
public final class Eventually {
    private Eventually() {
    }

    public static void within(Duration limit, Runnable assertion) {
        // same thread: assertions read state the test thread set up; exceptions count as "not yet", like failures
        await().atMost(limit).pollInterval(Duration.ofMillis(25)).pollInSameThread().ignoreExceptions()
                .untilAsserted(assertion::run);
    }
}
