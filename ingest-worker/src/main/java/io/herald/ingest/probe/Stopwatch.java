package io.herald.ingest.probe;

/** Measures a probe's latency from the moment it starts connecting. */
public final class Stopwatch {

    private final long startNanos = System.nanoTime();

    public static Stopwatch start() {
        return new Stopwatch();
    }

    public long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
