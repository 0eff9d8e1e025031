package io.herald.ingest.evaluate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "herald.evaluator")
public interface EvaluatorConfig {

    /** This worker's consumer name in the evaluator group; default host name + "-" + process id. */
    Optional<String> consumer();

    /** Signals read per XREADGROUP. */
    @WithDefault("100")
    int batchSize();

    /** How long one XREADGROUP waits for new signals; keep it below quarkus.redis.timeout. */
    @WithDefault("1s")
    Duration block();

    /** Longest pause between attempts to reach Redis again after it went away. */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long another consumer's entry stays unacknowledged before this worker takes it over (XAUTOCLAIM). */
    @WithDefault("60s")
    Duration claimIdle();

    /**
     * A consumer of the evaluator group with no pending entries that has been idle this long is removed (XGROUP
     * DELCONSUMER) by a live evaluator: a worker that died or was renamed. Keep it well above claim-idle.
     */
    @WithDefault("10m")
    Duration forgetConsumerAfter();

    /**
     * How often every component is evaluated again without a new signal: flapping released after its quiet period,
     * silent locations and silent checks (expect_every).
     */
    @WithDefault("5s")
    Duration tick();

    /**
     * How far ahead of the time Herald received a signal the sender's own time may be; beyond it the time received is
     * used (and the detail says so), so a sender's wrong clock cannot hold a check for ever.
     */
    @WithDefault("5m")
    Duration clockTolerance();

    /**
     * How long after Redis lost its data a webhook check with no saved state stays stale instead of being assumed up
     * ("no alert firing"): long enough for a monitor to repeat the alerts still firing.
     */
    @WithDefault("24h")
    Duration lostStateGrace();

    /** Approximate cap on the changes stream (XADD MAXLEN ~). */
    @WithDefault("100000")
    long changesMaxLen();

    /** When a check is held as flapping. */
    Flapping flapping();

    interface Flapping {
        /** More state changes than this within the window make a check flapping. */
        @WithDefault("4")
        int maxChanges();

        /** The window the changes are counted in. */
        @WithDefault("15m")
        Duration window();

        /** A flapping check is released after its state has not changed for this long. */
        @WithDefault("10m")
        Duration quiet();
    }
}
