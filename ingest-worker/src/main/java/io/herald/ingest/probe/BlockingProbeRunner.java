package io.herald.ingest.probe;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.util.concurrent.Callable;

/**
 * Runs a blocking client conversation (commons-net) on the Vert.x worker pool, never on an event loop.
 * Unordered, so probes of different targets run side by side.
 */
public final class BlockingProbeRunner {

    private final Vertx vertx;

    public BlockingProbeRunner(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<ProbeResult> run(Callable<ProbeResult> conversation) {
        return vertx.executeBlocking(conversation, false);
    }
}
