package io.herald.ingest.evaluate;

import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.Signal;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.ComponentDef;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.hash.HashCommands;
import io.quarkus.redis.datasource.stream.ClaimedMessages;
import io.quarkus.redis.datasource.stream.StreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the signals stream in the evaluator consumer group, applies each check's thresholds, rolls checks up
 * per component and records every change of a component's status. It runs on its own thread with the
 * blocking Redis API (XREADGROUP BLOCK would otherwise hold an event loop), and starts over (group,
 * pending entries, full evaluation) whenever Redis went away.
 */
@Singleton
public class Evaluator {
    private final Catalog catalog;
    private final RedisKeys keys;
    private final EvaluatorConfig config;
    private final StatusWriter writer;
    private final StreamCommands<String, String, String> streams;
    private final HashCommands<String, String, String> hashes;
    private final String consumer;
    private final Clock clock = Clock.systemUTC();

    private final Map<String, ComponentStatus> current = new HashMap<>();
    private final FlapDetector flapping;
    private Instant nextClaim = Instant.EPOCH;
    private volatile boolean running;
    private Thread thread;

    public Evaluator(Catalog catalog, RedisKeys keys, EvaluatorConfig config, StatusWriter writer,
            RedisDataSource redis) {
        this.catalog = catalog;
        this.keys = keys;
        this.config = config;
        this.writer = writer;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.consumer = config.consumer().filter(c -> !c.isBlank()).orElseGet(Evaluator::defaultConsumer);
        this.flapping = new FlapDetector(config.flapping().maxChanges(), config.flapping().window(),
                config.flapping().quiet());
    }

    /** A webhook check means "no alert firing" until a monitor says otherwise; a probe or pull knows nothing yet. */
    static CheckHealth initialHealth(CheckDef check) {
        return check.type().isProbe() ? CheckHealth.UNKNOWN : CheckHealth.UP;
    }

    /** A location that has not reported for three intervals (and a timeout) no longer counts towards the quorum. */
    static LocationQuorum quorum(CheckDef check) {
        return new LocationQuorum(check.quorum(), check.type().kind() == CheckType.Kind.PROBE
                ? check.interval().multipliedBy(3).plus(check.timeout()) : null);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "herald-evaluator");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(config.block().toMillis() + 2000);
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try {
                initialise();
                backoff = Duration.ofMillis(250);
                while (running) {
                    readAndApply(">", true);
                    claimAbandoned(false);
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                Log.warnf("Evaluator cannot use Redis (%s); trying again in %d ms", describe(e), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff()
                        : backoff.multipliedBy(2);
            }
        }
        Log.info("Evaluator stopped");
    }

    /** (Re)joins the group, reloads what Redis holds, records every component's status, then replays pending entries. */
    private void initialise() {
        try {
            // From "0": signals appended before the group existed (an early webhook or probe) are not lost.
            streams.xgroupCreate(keys.signals(), RedisKeys.EVALUATOR_GROUP, "0", new XGroupCreateArgs().mkstream());
        } catch (RuntimeException e) {
            if (!describe(e).contains("BUSYGROUP")) {
                throw e;
            }
        }
        current.clear();
        hashes.hgetall(keys.currentStatus()).forEach((component, json) -> {
            try {
                current.put(component, HeraldJson.read(json, ComponentState.class).status());
            } catch (IllegalArgumentException e) {
                Log.warnf("Ignoring unreadable current status of %s: %s", component, e.getMessage());
            }
        });
        for (ComponentDef component : catalog.components().values()) {
            recordCurrent(component);
        }
        while (running && readAndApply("0", false) > 0) {
            // Replays this consumer's pending entries (read before a crash or a lost connection, never acked).
        }
        claimAbandoned(true);
        Log.infof("Evaluator %s reading %s in group %s", consumer, keys.signals(), RedisKeys.EVALUATOR_GROUP);
    }

    private int readAndApply(String from, boolean block) {
        XReadGroupArgs args = new XReadGroupArgs().count(config.batchSize());
        if (block) {
            args.block(config.block());
        }
        List<StreamMessage<String, String, String>> batch =
                streams.xreadgroup(RedisKeys.EVALUATOR_GROUP, consumer, keys.signals(), from, args);
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        for (StreamMessage<String, String, String> entry : batch) {
            apply(entry);
        }
        streams.xack(keys.signals(), RedisKeys.EVALUATOR_GROUP,
                batch.stream().map(StreamMessage::id).toArray(String[]::new));
        return batch.size();
    }

    /**
     * Takes over entries another consumer read but never acknowledged for longer than claim-idle (a crashed
     * worker, or this worker before a restart under another name), at most once per claim-idle period.
     */
    private void claimAbandoned(boolean now) {
        if (!now && clock.instant().isBefore(nextClaim)) {
            return;
        }
        nextClaim = clock.instant().plus(config.claimIdle());
        String cursor = "0-0";
        do {
            ClaimedMessages<String, String, String> claimed = streams.xautoclaim(keys.signals(),
                    RedisKeys.EVALUATOR_GROUP, consumer, config.claimIdle(), cursor, config.batchSize());
            List<StreamMessage<String, String, String>> batch = claimed.getMessages();
            if (!batch.isEmpty()) {
                Log.infof("Evaluator %s took over %d abandoned signals", consumer, batch.size());
                batch.forEach(this::apply);
                streams.xack(keys.signals(), RedisKeys.EVALUATOR_GROUP,
                        batch.stream().map(StreamMessage::id).toArray(String[]::new));
            }
            cursor = claimed.getId();
        } while (running && cursor != null && !"0-0".equals(cursor));
    }

    private void apply(StreamMessage<String, String, String> entry) {
        Signal signal;
        try {
            signal = Signal.fromFields(entry.payload() == null ? Map.of() : entry.payload());
        } catch (RuntimeException e) {
            Log.warnf("Skipping malformed signal %s: %s", entry.id(), e.getMessage());
            return;
        }
        Optional<CheckDef> found = catalog.check(signal.check());
        if (found.isEmpty()) {
            Log.warnf("Skipping signal %s for check '%s', which is not in the catalog", entry.id(), signal.check());
            return;
        }
        CheckDef check = found.get();
        ComponentDef component = catalog.component(check.componentId()).orElseThrow();
        String location = signal.location() == null ? "" : signal.location();
        CheckThreshold threshold = new CheckThreshold(check.failuresToDown(), check.successesToUp(),
                check.latencyLimit());
        ComponentStatus expected = current.get(component.id());
        // Several evaluators may update the same component at once; each retry reads what the other wrote.
        for (int attempt = 0; attempt < 100; attempt++) {
            Map<String, String> read = readChecks(component);
            Map<String, CheckRecord> records = records(component, read);
            CheckRecord before = records.get(check.id());
            if (before.alreadyApplied(entry.id())) {
                return;
            }
            CheckState locationBefore = before.locations().getOrDefault(location,
                    CheckState.initial(initialHealth(check)));
            CheckState locationAfter = threshold.apply(locationBefore, signal.outcome(), signal.latencyMs(),
                    signal.detail(), signal.observedAt()).withLastEntry(entry.id());
            Map<String, CheckState> locations = new LinkedHashMap<>(before.locations());
            locations.put(location, locationAfter);
            LocationQuorum.Verdict verdict = quorum(check).combine(locations, signal.observedAt());
            FlapDetector.Result flapped = flapping.apply(before.flap(), before.raw(), verdict.health(),
                    verdict.detail(), signal.observedAt());
            CheckRecord after = before.next(entry.id(), location, locationAfter, verdict, flapped);
            records.put(check.id(), after);
            ComponentEvaluation now = ComponentRollup.evaluate(records).orElse(null);
            StatusWriter.Outcome outcome = writer.write(component.id(), expected, now, clock.instant(), check.id(),
                    after, entry.id(), read);
            switch (outcome.kind()) {
                case CHANGED -> {
                    Log.infof("%s: %s -> %s (%s)", component.id(), expected == null ? "none" : expected.wire(),
                            now.status().wire(), now.cause().isEmpty() ? "all checks up" : now.detail());
                    current.put(component.id(), now.status());
                    return;
                }
                case SAME -> {
                    current.put(component.id(), now.status());
                    return;
                }
                case SAVED -> {
                    return;
                }
                case CONFLICT -> expected = outcome.found();
                case STALE -> Log.debugf("%s changed under us (another evaluator); reading it again", outcome.value());
            }
        }
        // Not acknowledged-and-lost: the entry stays pending only if we throw, so throw and let it be replayed.
        throw new IllegalStateException(component.id() + ": could not record signal " + entry.id()
                + ", its checks kept changing under us");
    }

    /** Every check of the component with its JSON as stored (absent: ""), in catalog order. */
    private Map<String, String> readChecks(ComponentDef component) {
        String[] ids = component.checks().stream().map(CheckDef::id).toArray(String[]::new);
        Map<String, String> found = hashes.hmget(keys.checkStates(), ids);
        Map<String, String> read = new LinkedHashMap<>();
        for (String id : ids) {
            String json = found == null ? null : found.get(id);
            read.put(id, json == null ? "" : json);
        }
        return read;
    }

    private Map<String, CheckRecord> records(ComponentDef component, Map<String, String> read) {
        Map<String, CheckRecord> records = new LinkedHashMap<>();
        for (CheckDef check : component.checks()) {
            String json = read.get(check.id());
            CheckRecord record = null;
            if (json != null && !json.isEmpty()) {
                try {
                    record = HeraldJson.read(json, CheckRecord.class);
                } catch (IllegalArgumentException e) {
                    Log.warnf("Ignoring unreadable saved state of check %s: %s", check.id(), e.getMessage());
                }
            }
            records.put(check.id(), record == null || record.state() == null
                    ? CheckRecord.initial(initialHealth(check)) : record);
        }
        return records;
    }

    /** Records the component's status as its checks stand in Redis, when it differs from what is recorded. */
    private void recordCurrent(ComponentDef component) {
        ComponentStatus expected = current.get(component.id());
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, String> read = readChecks(component);
            Optional<ComponentEvaluation> evaluation = ComponentRollup.evaluate(records(component, read));
            if (evaluation.isEmpty() || evaluation.get().status() == expected) {
                return;
            }
            StatusWriter.Outcome outcome = writer.write(component.id(), expected, evaluation.get(), clock.instant(),
                    null, null, null, read);
            switch (outcome.kind()) {
                case CHANGED, SAME, SAVED -> {
                    current.put(component.id(), evaluation.get().status());
                    return;
                }
                case CONFLICT -> expected = outcome.found();
                case STALE -> { }
            }
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 300; t = t.getCause()) {
            if (t.getMessage() != null) {
                text.append(text.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static String defaultConsumer() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "worker";
            }
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
