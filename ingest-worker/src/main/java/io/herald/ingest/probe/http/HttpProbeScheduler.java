package io.herald.ingest.probe.http;

import io.herald.ingest.signal.SignalLog;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every http check of the catalog on its own interval, the first run right at start-up. Runs of one
 * check never overlap: a run still in flight when the timer fires makes that tick skip.
 */
@Singleton
public class HttpProbeScheduler {
    private final Catalog catalog;
    private final HttpProbe probe;
    private final SignalLog signals;
    private final Vertx vertx;
    private final List<Long> timers = new ArrayList<>();

    public HttpProbeScheduler(Catalog catalog, HttpProbe probe, SignalLog signals, Vertx vertx) {
        this.catalog = catalog;
        this.probe = probe;
        this.signals = signals;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        List<CheckDef> checks = catalog.checks().values().stream().filter(c -> c.type() == CheckType.HTTP).toList();
        for (CheckDef check : checks) {
            AtomicBoolean running = new AtomicBoolean();
            vertx.runOnContext(() -> run(check, running));
            timers.add(vertx.setPeriodic(check.interval().toMillis(), tick -> run(check, running)));
        }
        Log.infof("Probing %d http checks", checks.size());
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
    }

    private void run(CheckDef check, AtomicBoolean running) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        probe.probe(check)
                .onItem().invoke(signal -> Log.debugf("Probe %s: %s %s", check.id(), signal.outcome(), signal.detail()))
                .chain(signals::append)
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(
                        entryId -> { },
                        failure -> Log.warnf("Probe result of %s not recorded: %s", check.id(), failure.toString()));
    }
}
