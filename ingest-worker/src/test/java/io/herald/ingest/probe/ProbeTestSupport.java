package io.herald.ingest.probe;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/** Waits for a probe's answer from the test thread (never an event loop). */
public final class ProbeTestSupport {

    public static final Duration SHORT = Duration.ofSeconds(1);
    public static final Duration NORMAL = Duration.ofSeconds(5);

    private ProbeTestSupport() {
    }

    public static ProbeResult await(Uni<ProbeResult> probe) {
        return probe.await().atMost(Duration.ofSeconds(20));
    }
}
