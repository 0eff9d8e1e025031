package io.herald.ingest.evaluate;

import io.herald.model.ComponentState;
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
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the signals stream in the evaluator consumer group, applies each check's rules, rolls checks up per component
 * and records every change of a component's status or staleness. Every tick it judges every component again with no
 * new signal (flapping released, silent locations and checks), writing only what changed. It runs on its own thread
 * with the blocking Redis API (XREADGROUP BLOCK would otherwise hold an event loop), and starts over (group, pending
 * entries, full evaluation) whenever Redis went away; when Redis came back without Herald's data, what is no longer
 * known is not assumed ({@link LostState}).
 */
@Singleton
public class Evaluator {
    private final Catalog catalog;
    private final RedisKeys keys;
    private final EvaluatorConfig config;
    private final StatusWriter writer;
    private final LostState lostState;
    private final DeadConsumers deadConsumers;
    private final CheckRules rules;
    private final StreamCommands<String, String, String> streams;
    private final HashCommands<String, String, String> hashes;
    private final String consumer;
    private final Clock clock = Clock.systemUTC();

    private final Map<String, ComponentState> current = new HashMap<>();
    // When Herald noticed that Redis lost its live state, while that is within the grace; null otherwise.
    private Instant lostAt;
    // When a repeat of each check's last signal was last received (not appended again), as read on the last tick.
    private Map<String, Instant> heard = Map.of();
    private Instant nextClaim = Instant.EPOCH;
    private Instant nextTick = Instant.EPOCH;
    private volatile boolean running;
    private Thread thread;

    public Evaluator(Catalog catalog, RedisKeys keys, EvaluatorConfig config, StatusWriter writer, LostState lostState,
            DeadConsumers deadConsumers, RedisDataSource redis) {
        this.catalog = catalog;
        this.keys = keys;
        this.config = config;
        this.writer = writer;
        this.lostState = lostState;
        this.deadConsumers = deadConsumers;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.hashes = redis.hash(String.class, String.class, String.class);
        this.consumer = config.consumer().filter(c -> !c.isBlank()).orElseGet(Evaluator::defaultConsumer);
        this.rules = new CheckRules(new FlapDetector(config.flapping().maxChanges(), config.flapping().window(),
                config.flapping().quiet()), new SignalTiming(config.clockTolerance()));
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
                    tick();
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

    /**
     * (Re)joins the group, looks whether Redis still holds Herald's live state, reloads what it holds, judges every
     * component, then replays pending entries.
     */
    private void initialise() {
        try {
            // From "0": signals appended before the group existed (an early webhook or probe) are not lost.
            streams.xgroupCreate(keys.signals(), RedisKeys.EVALUATOR_GROUP, "0", new XGroupCreateArgs().mkstream());
        } catch (RuntimeException e) {
            if (!describe(e).contains("BUSYGROUP")) {
                throw e;
            }
        }
        // Before the statuses held are replaced by what Redis holds now: an empty hash where there were some is a loss.
        lostAt = lostState.look(!current.isEmpty()).lostAt();
        current.clear();
        hashes.hgetall(keys.currentStatus()).forEach((component, json) -> {
            try {
                ComponentState state = HeraldJson.read(json, ComponentState.class);
                if (state.status() != null) {
                    current.put(component, state);
                }
            } catch (IllegalArgumentException e) {
                Log.warnf("Ignoring unreadable current status of %s: %s", component, e.getMessage());
            }
        });
        evaluateAll(clock.instant());
        while (running && readAndApply("0", false) > 0) {
            // Replays this consumer's pending entries (read before a crash or a lost connection, never acked).
        }
        claimAbandoned(true);
        Log.infof("Evaluator %s reading %s in group %s", consumer, keys.signals(), RedisKeys.EVALUATOR_GROUP);
    }

    /** Every tick: whether Redis lost its data since, then every component judged again at the evaluator's clock. */
    private void tick() {
        Instant now = clock.instant();
        if (now.isBefore(nextTick)) {
            return;
        }
        nextTick = now.plus(config.tick());
        LostState.Look look = lostState.look(!current.isEmpty());
        lostAt = look.lostAt();
        if (look.noticed()) {
            current.clear();
            initialise();
            return;
        }
        evaluateAll(now);
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
     * worker, or this worker before a restart under another name), at most once per claim-idle period; then removes
     * the consumers idle for longer than forget-consumer-after that hold nothing.
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
        List<String> removed = deadConsumers.forget(keys.signals(), RedisKeys.EVALUATOR_GROUP, consumer,
                config.forgetConsumerAfter());
        if (!removed.isEmpty()) {
            Log.infof("Evaluator %s removed consumers %s of group %s: idle for more than %s, nothing pending", consumer,
                    removed, RedisKeys.EVALUATOR_GROUP, config.forgetConsumerAfter());
        }
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
        Instant received = SignalTiming.received(entry.id());
        // Several evaluators may update the same component at once; each retry reads what the other wrote.
        for (int attempt = 0; attempt < 100; attempt++) {
            Map<String, String> read = readChecks(component);
            Map<String, CheckRecord> records = records(component, read);
            CheckRecord before = records.get(check.id());
            if (before != null && before.alreadyApplied(entry.id())) {
                return;
            }
            CheckRules.Applied applied = rules.apply(check, before, signal, entry.id());
            records.put(check.id(), applied.record());
            ComponentEvaluation now = applied.superseded() ? null : evaluate(component, records, received);
            StatusWriter.Outcome outcome = writer.write(component.id(), current.get(component.id()), now,
                    clock.instant(), Map.of(check.id(), applied.record()), entry.id(), read);
            if (settled(component, outcome)) {
                if (applied.superseded()) {
                    Log.infof("%s: signal %s (%s, observed %s) is older than what %s last said; acknowledged, "
                            + "not applied", check.id(), entry.id(), signal.outcome().wire(), signal.observedAt(),
                            signal.location() == null ? "its sender" : signal.location());
                }
                return;
            }
        }
        // Not acknowledged-and-lost: the entry stays pending only if we throw, so throw and let it be replayed.
        throw new IllegalStateException(component.id() + ": could not record signal " + entry.id()
                + ", its checks kept changing under us");
    }

    /** Judges every component again at {@code now} from one read of all check records. */
    private void evaluateAll(Instant now) {
        Map<String, String> all = hashes.hgetall(keys.checkStates());
        heard = readHeard();
        for (ComponentDef component : catalog.components().values()) {
            Map<String, String> read = new LinkedHashMap<>();
            for (CheckDef check : component.checks()) {
                read.put(check.id(), all.getOrDefault(check.id(), ""));
            }
            reevaluate(component, read, now);
        }
    }

    /**
     * Judges the component at {@code now} with no new signal, and writes only what changed: a check record (a location
     * fell silent, a flapping hold ended, a heartbeat check first known), or its status or staleness.
     */
    private void reevaluate(ComponentDef component, Map<String, String> read, Instant now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, CheckRecord> records = records(component, read);
            Map<String, CheckRecord> save = new LinkedHashMap<>();
            for (CheckDef check : component.checks()) {
                CheckRecord record = records.get(check.id());
                CheckRecord after = record != null ? rules.at(check, record, now)
                        : needsRecord(check) ? CheckRecord.initial(CheckRules.initialHealth(check), now) : null;
                if (after != record) {
                    save.put(check.id(), after);
                    records.put(check.id(), after);
                }
            }
            ComponentEvaluation evaluation = evaluate(component, records, now);
            ComponentState expected = current.get(component.id());
            if (save.isEmpty() && (evaluation == null || StatusWriter.shows(expected, evaluation))) {
                return;
            }
            StatusWriter.Outcome outcome = writer.write(component.id(), expected, evaluation, clock.instant(), save,
                    null, read);
            if (settled(component, outcome)) {
                return;
            }
            if (outcome.kind() == StatusWriter.Outcome.Kind.OUTDATED) {
                read = readChecks(component);
            }
        }
    }

    /**
     * A pushed check that promises to be heard (expect_every) gets its record when the evaluator first knows it, so its
     * silence is counted from then; not while Herald's live state is lost for one that can only be stale, which is
     * then not known at all.
     */
    private boolean needsRecord(CheckDef check) {
        return check.expectEvery() != null && check.type().kind() == CheckType.Kind.PUSH
                && !(lostAt != null && check.type().silence() == CheckType.Silence.STALE);
    }

    /** The component's evaluation at {@code now}, each check judged for its silence; null when it cannot be. */
    private ComponentEvaluation evaluate(ComponentDef component, Map<String, CheckRecord> records, Instant now) {
        Map<String, CheckView> views = new LinkedHashMap<>();
        for (CheckDef check : component.checks()) {
            views.put(check.id(), CheckSilence.judge(check, records.get(check.id()), now, lostAt,
                    heard.get(check.id())));
        }
        return ComponentRollup.evaluate(views).orElse(null);
    }

    /** Keeps what the write found or wrote; true when the component is settled, false to try again. */
    private boolean settled(ComponentDef component, StatusWriter.Outcome outcome) {
        switch (outcome.kind()) {
            case CHANGED -> {
                ComponentState before = current.get(component.id());
                ComponentState after = outcome.state();
                if (before != null && before.status() == after.status()) {
                    Log.infof("%s: still %s, %s", component.id(), after.status().wire(),
                            after.stale() != before.stale() || !Objects.equals(after.staleDetail(),
                                    before.staleDetail())
                                    ? (after.stale() ? "stale (" + after.staleDetail() + ")" : "fresh again")
                                    : "failing now: " + (after.cause() == null || after.cause().isEmpty() ? "none"
                                            : after.cause()));
                } else {
                    Log.infof("%s: %s -> %s (%s)%s", component.id(), before == null ? "none" : before.status().wire(),
                            after.status().wire(), after.cause().isEmpty() ? "all checks up" : after.detail(),
                            after.stale() ? ", stale (" + after.staleDetail() + ")" : "");
                }
                current.put(component.id(), after);
                return true;
            }
            case SAME -> {
                remember(component, outcome.state());
                return true;
            }
            case SAVED -> {
                return true;
            }
            case CONFLICT -> {
                remember(component, outcome.state());
                return false;
            }
            default -> {
                Log.debugf("%s changed under us (another evaluator); reading it again", outcome.value());
                return false;
            }
        }
    }

    private void remember(ComponentDef component, ComponentState found) {
        if (found == null || found.status() == null) {
            current.remove(component.id());
        } else {
            current.put(component.id(), found);
        }
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

    /** The component's check records by id, in catalog order; null for a check with no (readable) record. */
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
            records.put(check.id(), record == null || record.state() == null ? null : record);
        }
        return records;
    }

    private Map<String, Instant> readHeard() {
        Map<String, Instant> times = new HashMap<>();
        hashes.hgetall(keys.heard()).forEach((check, millis) -> {
            try {
                times.put(check, Instant.ofEpochMilli(Long.parseLong(millis)));
            } catch (NumberFormatException e) {
                Log.debugf("Ignoring unreadable heard time of %s: %s", check, millis);
            }
        });
        return times;
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
