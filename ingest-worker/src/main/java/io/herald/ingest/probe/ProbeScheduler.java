package io.herald.ingest.probe;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.pull.CheckPull;
import io.herald.ingest.pull.Pulls;
import io.herald.ingest.signal.SignalIds;
import io.herald.ingest.signal.SignalLog;
import io.herald.model.Signal;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every probe and pull check of the catalog on its interval. Each check has a fixed phase inside its
 * interval (from its id), the same on every worker, so load is spread over the interval and the workers of one
 * location race for the same slot's lease: exactly one of them runs it. Runs of one check never overlap on a worker.
 * Each check runs with the probe or pull bean of its type; a type without one stops start-up.
 */
@Singleton
public class ProbeScheduler {
    static final String PROBE_SOURCE = "probe";
    static final String PULL_SOURCE = "pull";
    // Pulls ask an upstream that is the same from everywhere: one lease for all locations.
    static final String PULL_LOCATION = "any";

    private final Catalog catalog;
    private final Probes probes;
    private final Pulls pulls;
    private final ProbeLease lease;
    private final SignalLog signals;
    private final Vertx vertx;
    private final String location;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + ":" + UUID.randomUUID();
    private final Clock clock = Clock.systemUTC();
    private final List<Long> timers = new ArrayList<>();

    public ProbeScheduler(Catalog catalog, Probes probes, Pulls pulls, ProbeLease lease, SignalLog signals, Vertx vertx,
            IngestConfig config) {
        this.catalog = catalog;
        this.probes = probes;
        this.pulls = pulls;
        this.lease = lease;
        this.signals = signals;
        this.vertx = vertx;
        this.location = config.location();
    }

    void start(@Observes StartupEvent event) {
        List<CheckDef> checks = catalog.checks().values().stream().filter(c -> c.type().isProbe()).toList();
        checks.forEach(this::requireRunner);
        long now = clock.millis();
        for (CheckDef check : checks) {
            long interval = check.interval().toMillis();
            long phase = phase(check);
            long delay = Math.floorMod(phase - now, interval);
            AtomicBoolean running = new AtomicBoolean();
            timers.add(vertx.setTimer(Math.max(1, delay), first -> {
                tick(check, running);
                timers.add(vertx.setPeriodic(interval, tick -> tick(check, running)));
            }));
        }
        Log.infof("Location %s: scheduling %d probe and pull checks", location, checks.size());
    }

    void stop(@Observes ShutdownEvent event) {
        new ArrayList<>(timers).forEach(vertx::cancelTimer);
    }

    private void requireRunner(CheckDef check) {
        boolean pull = check.type().kind() == CheckType.Kind.PULL;
        Set<String> known = pull ? pulls.types() : probes.types();
        if (!known.contains(check.type().wire())) {
            throw new IllegalStateException("Check '" + check.id() + "' is of type '" + check.type().wire()
                    + "', which this worker cannot " + (pull ? "pull" : "probe") + " (it knows " + known + ")");
        }
    }

    /** Where in its interval a check runs: spread by id, the same on every worker. */
    static long phase(CheckDef check) {
        return Math.floorMod((long) check.id().hashCode() * 2654435761L, check.interval().toMillis());
    }

    /** The interval slot a run at {@code millis} belongs to, robust to a timer firing a little early or late. */
    static long slot(CheckDef check, long millis) {
        long interval = check.interval().toMillis();
        return Math.floorDiv(millis - phase(check) + interval / 2, interval);
    }

    private void tick(CheckDef check, AtomicBoolean running) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Instant started = clock.instant();
        long slot = slot(check, started.toEpochMilli());
        boolean pull = check.type().kind() == CheckType.Kind.PULL;
        lease.acquire(check.id(), pull ? PULL_LOCATION : location, slot, check.interval(), worker)
                .chain(held -> held ? (pull ? pull(check) : probe(check, started, slot)) : Uni.createFrom().voidItem())
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(done -> { },
                        failure -> Log.warnf("%s of %s not recorded: %s", pull ? "Pull" : "Probe", check.id(),
                                failure.toString()));
    }

    private Uni<Void> probe(CheckDef check, Instant started, long slot) {
        CheckProbe probe = probes.forType(check.type().wire()).orElseThrow();
        return probe.probe(check)
                .onFailure().recoverWithItem(failure -> ProbeResult.down(0, "probe failed: " + failure.getMessage()))
                .map(r -> new Signal(check.id() + ":" + location + ":" + slot, PROBE_SOURCE, check.id(), r.outcome(),
                        r.latencyMs(), r.detail(), started, location))
                .invoke(s -> Log.debugf("Probe %s from %s: %s %s", check.id(), location, s.outcome(), s.detail()))
                .chain(signals::append).replaceWithVoid();
    }

    private Uni<Void> pull(CheckDef check) {
        CheckPull pull = pulls.forType(check.type().wire()).orElseThrow();
        // Only what the upstream says anew is a signal: the same reading again is not, even after another one (a
        // vendor back to operational reads as it did before its incident, and must be heard).
        return pull.pull(check).chain(p -> signals.appendIfChanged(new Signal(SignalIds.of(check.id() + ":"
                        + p.dedupeKey()), PULL_SOURCE, check.id(), p.outcome(), null, p.detail(), clock.instant()),
                        p.dedupeKey()))
                .replaceWithVoid()
                // An upstream we cannot read says nothing about the service it describes: record nothing.
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("Upstream status of %s not read, nothing recorded: %s", check.id(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }
}
