package io.herald.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.herald.model.StreamIds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A run of at least 20,000 webhooks (8 senders, each delivery with its own id) into the packaged services on a
 * redis-server of the test's own (AOF, appendfsync always), during which the test kills with kill -9 and starts
 * again, one after the other: one of the two ingest-workers (the run goes on through the other), status-api,
 * status-web, and Redis itself (started again on its port from its AOF). Then what was promised is checked where a
 * user or an operator sees it: every delivery answered 202 is in the signals stream once and was applied once, every
 * status change is in PostgreSQL once, SSE clients that reconnect with Last-Event-ID saw every change, and the page
 * serves again. The figures go to the output and to target/faults.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsSystemTest {
    private static final int DELIVERIES = 20_000;
    /** Deliveries accepted between two faults, so each fault falls in the middle of the run. */
    private static final int BETWEEN_FAULTS = 2_500;
    private static final int SENDERS = 8;
    private static final int FLIP_EVERY = 100;
    private static final Duration READY = Duration.ofSeconds(120);

    private static TestRedis redis;
    private static FaultStack stack;
    private static WebhookLoad load;
    private static final List<SseRecorder> sseClients = new ArrayList<>();
    private static String changesBefore;
    private static boolean runCompleted;
    private static Figures figures;
    /** What happened when (wall clock), to place a missing id among the faults. */
    private static final Map<String, Instant> timeline = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        figures = new Figures("faults", target().resolve("faults.txt"));
        redis = new TestRedis(target().resolve("faults-redis"), TestRedis.Persistence.AOF_ALWAYS);
        redis.start();
        stack = new FaultStack("faults", redis.port, 2, true, true).start();
    }

    @AfterAll
    static void stopStack() throws Exception {
        try {
            sseClients.forEach(SseRecorder::close);
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    @Order(1)
    void shouldKeepAcceptingWebhooksWhileEachServiceAndRedisAreKilledAndRestarted() throws Exception {
        RedisKeys keys = stack.keys;
        // Every component is recorded at start-up, so the changes stream has entries to resume after.
        changesBefore = await("the first changes recorded").atMost(Duration.ofSeconds(30))
                .until(() -> redis.client.lastId(keys.changes()), id -> id != null);
        for (int i = 0; i < 2; i++) {
            sseClients.add(new SseRecorder(stack.api.url(), changesBefore).start());
        }
        await("SSE clients connected").atMost(Duration.ofSeconds(20))
                .until(() -> sseClients.stream().allMatch(c -> c.connections.get() >= 1));

        load = new WebhookLoad(stack.ingestUrls(), "d", FaultStack.TOKEN, SENDERS, FLIP_EVERY);
        mark("run started");
        load.start();
        try {
            runFaults(keys);
        } finally {
            // A fault that failed leaves the senders running: stop them, so what follows reads a finished run.
            load.stop(0);
            load.awaitFinished(Duration.ofSeconds(120));
        }
        runCompleted = true;
        mark("run ended");
        double seconds = (load.lastAcceptedNanos.get() - load.startedNanos()) / 1e9;

        figures.add("deliveries sent (unique ids)", load.taken() + 2);
        figures.add("deliveries answered 202", load.accepted.size());
        figures.add("of which answered as duplicates (a retry of a delivery already appended)",
                load.answeredDuplicate.get());
        figures.add("retries (refused or cut connections, 503)", load.retries.get());
        figures.add("refused or given up", load.refused.size());
        figures.add("run duration, faults included", String.format("%.1f s", seconds));
        figures.add("webhooks/s during the run (202s over the whole run, faults included)",
                String.format("%.0f", load.accepted.size() / seconds));
        figures.write();

        assertThat(load.taken()).isGreaterThanOrEqualTo(DELIVERIES);
        assertThat(load.refused).as("deliveries refused, or still failing after 90 s of retries").isEmpty();
        assertThat(load.accepted).hasSize(load.taken() + 2);
    }

    /** The faults, one after the other, each once the senders have had deliveries answered since the last. */
    private static void runFaults(RedisKeys keys) throws Exception {
        awaitAccepted(BETWEEN_FAULTS);
        restartAfterKill(stack.ingest.get(0), "ingest-worker a");

        awaitAccepted(load.accepted.size() + BETWEEN_FAULTS);
        int connectionsBefore = sseClients.stream().mapToInt(c -> c.connections.get()).min().orElse(0);
        restartAfterKill(stack.api, "status-api");
        long apiBack = System.nanoTime();
        await("SSE clients reconnected to status-api").atMost(Duration.ofSeconds(30))
                .until(() -> sseClients.stream().allMatch(c -> c.connections.get() > connectionsBefore));
        figures.add("SSE clients reconnected with Last-Event-ID, after status-api was ready",
                Duration.ofNanos(System.nanoTime() - apiBack));

        awaitAccepted(load.accepted.size() + BETWEEN_FAULTS);
        restartAfterKill(stack.web, "status-web");
        long webReady = System.nanoTime();
        // Ready means a status view is loaded; the home page is rendered from it right after.
        await("status-web's page answers 200 after its restart").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10)).until(() -> HeraldData.status(stack.web.url() + "/") == 200);
        figures.add("status-web: page answers 200, after it was ready", Duration.ofNanos(System.nanoTime() - webReady));

        awaitAccepted(load.accepted.size() + BETWEEN_FAULTS);
        mark("kill -9 of Redis");
        long redisKilled = System.nanoTime();
        redis.kill();
        Duration redisStart = redis.start();
        long redisBack = System.nanoTime();
        mark("Redis answers again (from its AOF)");
        // The flip check's own monitor reports at once, down then up: at least one change is made as soon as the
        // evaluators are back, while status-api may still be without its live subscription.
        CompletableFuture<Void> recovery = load.deliver("recovery-down", WebhookLoad.FLIP_CHECK, "down")
                .thenCompose(done -> load.deliver("recovery-up", WebhookLoad.FLIP_CHECK, "up"));
        figures.add("Redis restart: kill -9 to PING answered from the AOF", Duration.ofNanos(redisBack - redisKilled));
        figures.add("Redis restart: redis-server start to PING (loading the AOF)", redisStart);
        long firstAccepted = await("a webhook answered 202 after the Redis restart").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(10)).until(() -> load.firstAcceptedAtOrAfter(redisBack), t -> t > 0);
        figures.add("Redis restart: first 202 after Redis answered again", Duration.ofNanos(firstAccepted - redisBack));
        figures.add("Redis restart: first 202 after the kill -9", Duration.ofNanos(firstAccepted - redisKilled));
        for (ServiceProcess service : List.of(stack.api, stack.ingest.get(0), stack.ingest.get(1), stack.web)) {
            service.awaitReady(READY);
            figures.add(service.name + " ready after the Redis restart (since Redis answered)",
                    Duration.ofNanos(System.nanoTime() - redisBack));
            if (service == stack.api) {
                mark("status-api ready after the Redis restart");
                // status-api is not ready while it has no live subscription: changes made meanwhile reach its SSE
                // clients only if it makes up for the gap.
                String until = redis.client.lastId(keys.changes());
                long whileResubscribing = HeraldData.changes(redis.client, keys).keySet().stream()
                        .filter(id -> StreamIds.millis(id) >= timeline.get("Redis answers again (from its AOF)")
                                .toEpochMilli() && StreamIds.compare(id, until) <= 0).count();
                figures.add("changes made between Redis answering again and status-api ready", whileResubscribing);
            }
        }

        recovery.get(120, TimeUnit.SECONDS);
        awaitAccepted(Math.max(DELIVERIES, load.accepted.size() + BETWEEN_FAULTS));
        load.stop(DELIVERIES);
        assertThat(load.awaitFinished(Duration.ofSeconds(120))).as("every sender finished").isTrue();
    }

    @Test
    @Order(2)
    void shouldHoldEveryAcceptedDeliveryInTheSignalsStreamExactlyOnce() throws Exception {
        assertThat(runCompleted).as("the run with its faults completed").isTrue();
        Map<String, Integer> inStream = HeraldData.deliveriesInSignals(redis.client, stack.keys);
        List<String> missing = load.accepted.keySet().stream().filter(id -> !inStream.containsKey(id)).sorted().toList();
        Map<String, Integer> twice = inStream.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        figures.add("signals stream: deliveries found", inStream.size());
        figures.add("signals stream: accepted deliveries missing", missing.size());
        figures.add("signals stream: deliveries appended more than once", twice.size());
        figures.write();
        assertThat(missing).as("deliveries answered 202 and not in the signals stream").isEmpty();
        assertThat(twice).as("deliveries appended more than once").isEmpty();
        assertThat(inStream.keySet()).as("entries of deliveries that were never answered 202")
                .isSubsetOf(load.accepted.keySet());
    }

    @Test
    @Order(3)
    void shouldApplyEveryAcceptedDeliveryExactlyOnce() throws Exception {
        assertThat(runCompleted).as("the run with its faults completed").isTrue();
        Map<String, Long> expected = load.accepted.values().stream()
                .collect(Collectors.groupingBy(check -> check, Collectors.counting()));
        long started = System.nanoTime();
        try {
            await("every signal applied (evaluator count per check = deliveries accepted for it), none pending")
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                        for (Map.Entry<String, Long> check : expected.entrySet()) {
                            if (HeraldData.applied(redis.client, stack.keys, check.getKey()) < check.getValue()) {
                                return false;
                            }
                        }
                        return HeraldData.pendingSignals(redis.client, stack.keys) == 0;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // The assertions below say which check is short.
        }
        figures.add("evaluation caught up, after the run ended", Duration.ofNanos(System.nanoTime() - started));
        Map<String, Long> applied = new LinkedHashMap<>();
        for (String check : expected.keySet()) {
            applied.put(check, HeraldData.applied(redis.client, stack.keys, check));
        }
        figures.add("applied per check (evaluator count)", applied);
        figures.add("accepted per check", expected);
        figures.write();
        assertThat(applied).as("signals applied per check, each exactly once").isEqualTo(expected);
        assertThat(HeraldData.pendingSignals(redis.client, stack.keys)).as("signals left pending").isZero();
    }

    @Test
    @Order(4)
    void shouldStoreEveryStatusChangeInHistoryExactlyOnce() throws Exception {
        assertThat(runCompleted).as("the run with its faults completed").isTrue();
        Map<String, StatusChange> changes = HeraldData.changes(redis.client, stack.keys);
        Set<String> worthy = HeraldData.historyWorthy(changes);
        long started = System.nanoTime();
        Map<String, Integer> rows;
        try {
            rows = await("every change stored in status_change").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> HeraldData.historyRows(stack.database), r -> r.keySet().containsAll(worthy));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            rows = HeraldData.historyRows(stack.database);
        }
        long flips = changes.entrySet().stream().filter(e -> StreamIds.compare(e.getKey(), changesBefore) > 0)
                .filter(e -> e.getValue().component().equals("flip")).count();
        figures.add("changes stream: changes made during the run (flip component)", flips);
        figures.add("history: caught up, after the run ended", Duration.ofNanos(System.nanoTime() - started));
        Set<String> missing = new TreeSet<>(worthy);
        missing.removeAll(rows.keySet());
        Set<String> extra = new TreeSet<>(rows.keySet());
        extra.removeAll(changes.keySet());
        figures.add("history: changes missing from status_change", missing.size());
        figures.write();
        assertThat(flips).as("the run made changes").isGreaterThan(DELIVERIES / FLIP_EVERY / 2);
        assertThat(missing).as("changes-stream entries with no status_change row").isEmpty();
        assertThat(rows.values()).as("rows per stream id").allMatch(count -> count == 1);
        assertThat(extra).as("status_change rows with no changes-stream entry").isEmpty();
    }

    @Test
    @Order(5)
    void shouldGiveSseClientsThatReconnectEveryChangeOnce() throws Exception {
        assertThat(runCompleted).as("the run with its faults completed").isTrue();
        Map<String, StatusChange> changes = HeraldData.changes(redis.client, stack.keys);
        List<String> expected = changes.keySet().stream().filter(id -> StreamIds.compare(id, changesBefore) > 0)
                .toList();
        String last = expected.get(expected.size() - 1);
        try {
            await("SSE clients got the last change").atMost(Duration.ofSeconds(30))
                    .until(() -> sseClients.stream().allMatch(c -> c.changeIds.contains(last)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // The assertions below show what each client lacks.
        }
        figures.add("SSE: changes in the stream since the clients first connected", expected.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sseClients.size(); i++) {
            SseRecorder client = sseClients.get(i);
            List<String> seen = List.copyOf(client.changeIds);
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(new HashSet<>(seen));
            int duplicates = seen.size() - new HashSet<>(seen).size();
            figures.add("SSE client " + (i + 1) + ": connections, changes seen, missing, seen twice",
                    client.connections.get() + ", " + seen.size() + ", " + missing.size() + ", " + duplicates);
            if (!missing.isEmpty()) {
                problems.add("client " + (i + 1) + " missed " + missing.size() + " changes, first "
                        + missing.stream().limit(10).map(FaultsSystemTest::placed).toList());
            }
            if (duplicates > 0) {
                problems.add("client " + (i + 1) + " got " + duplicates + " changes twice");
            }
        }
        figures.add("timeline", timeline);
        figures.write();
        assertThat(problems).as("SSE clients resuming with Last-Event-ID miss no change and get none twice")
                .isEmpty();
    }

    @Test
    @Order(6)
    void shouldServeTheStatusAndThePageAgain() {
        assertThat(runCompleted).as("the run with its faults completed").isTrue();
        String expected = lastFlipStatus();
        await("summary.json shows the last flip (" + expected + ")").atMost(Duration.ofSeconds(30))
                .until(() -> HeraldData.summaryStatus(stack.api.url(), "flip"), expected::equals);
        await("the page shows what summary.json shows").atMost(Duration.ofSeconds(45))
                .until(() -> HeraldData.pageStatus(stack.web.url(), "flip"), expected::equals);
    }

    /** The flip component's status after the newest change in the stream. */
    private static String lastFlipStatus() {
        try {
            StatusChange last = null;
            for (StatusChange change : HeraldData.changes(redis.client, stack.keys).values()) {
                if (change.component().equals("flip")) {
                    last = change;
                }
            }
            return last == null ? "operational" : last.to().wire();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restartAfterKill(ServiceProcess service, String what) throws Exception {
        mark("kill -9 of " + what);
        long killed = System.nanoTime();
        service.kill();
        service.start();
        service.awaitReady(READY);
        mark(what + " ready again");
        figures.add(what + ": kill -9 to ready again", Duration.ofNanos(System.nanoTime() - killed));
        figures.write();
    }

    private static void awaitAccepted(int count) {
        await(count + " deliveries answered 202").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
                .until(() -> load.accepted.size() >= count);
    }

    private static void mark(String what) {
        timeline.put(what, Instant.now());
    }

    /** A stream id with the fault it came after. */
    private static String placed(String streamId) {
        Instant at = Instant.ofEpochMilli(Long.parseLong(streamId.substring(0, streamId.indexOf('-'))));
        String after = "before the run";
        for (Map.Entry<String, Instant> event : timeline.entrySet()) {
            if (!event.getValue().isAfter(at)) {
                after = event.getKey();
            }
        }
        return streamId + " (after: " + after + ")";
    }

    private static Path target() {
        return Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize()
                .resolve("system-tests/target");
    }
}
