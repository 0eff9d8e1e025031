package io.herald.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.model.StatusChange;
import io.herald.model.StreamIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * status-api's PostgreSQL connections cut while the status keeps changing: its database refuses connections
 * (ALTER DATABASE ... ALLOW_CONNECTIONS false, as superuser, on this test's own database only) and its sessions are
 * ended (pg_terminate_backend) for ten seconds, then allowed again. summary.json is served throughout, reads that
 * need PostgreSQL answer 503 or 200 but never 500, and every change made during the gap is in history once after it.
 * The stack runs on the shared Redis under its own prefix (Redis is not killed here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresCutSystemTest {
    private static final int SHARED_REDIS = 6379;
    private static final Duration GAP = Duration.ofSeconds(10);

    private static FaultStack stack;
    private static final Resp redis = new Resp(SHARED_REDIS);
    private static final ScheduledExecutorService poller = Executors.newScheduledThreadPool(3);
    /** "phase path" to status code to how many answers. */
    private static final Map<String, Map<Integer, LongAdder>> answers = new ConcurrentHashMap<>();
    private static volatile String phase = "before";
    private static Figures figures;
    private static boolean cutDone;

    @BeforeAll
    static void startStack() throws Exception {
        figures = new Figures("postgres-cut", target().resolve("postgres-cut.txt"));
        stack = new FaultStack("pgcut", SHARED_REDIS, 1, true, false).start();
    }

    @AfterAll
    static void stopStack() throws Exception {
        poller.shutdownNow();
        try {
            allowConnections();
        } finally {
            try {
                if (stack != null) {
                    stack.close();
                    stack.deleteKeys(redis);
                }
            } finally {
                figures.write();
            }
        }
    }

    @Test
    @Order(1)
    void shouldServeSummaryAndLoseNoHistoryWhileItsDatabaseConnectionsAreCut() throws Exception {
        // A few changes a second: many more than a real page sees, so the gap holds a backlog to catch up.
        WebhookLoad load = new WebhookLoad(stack.ingestUrls(), "d", FaultStack.TOKEN, 1, 60);
        load.start();
        await("changes stored before the cut").atMost(Duration.ofSeconds(60))
                .until(() -> HeraldData.historyRows(stack.database).size() >= 20);
        for (String path : new String[] {"/api/v2/summary.json", "/api/v1/incidents", "/q/health/ready"}) {
            poller.scheduleAtFixedRate(() -> record(path), 0, 50, TimeUnit.MILLISECONDS);
        }

        String lastBeforeCut = redis.lastId(stack.keys.changes());
        phase = "gap";
        Psql.query("postgres", "ALTER DATABASE " + stack.database + " ALLOW_CONNECTIONS false");
        int ended = Integer.parseInt(Psql.query("postgres", "SELECT count(pg_terminate_backend(pid)) FROM"
                + " pg_stat_activity WHERE datname = '" + stack.database + "' AND pid <> pg_backend_pid()").get(0));
        figures.add("status-api connections ended", ended);
        await("summary.json answers 200 throughout the gap").during(GAP).atMost(GAP.plusSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> HeraldData.status(stack.api.url() + "/api/v2/summary.json") == 200);
        String lastInGap = redis.lastId(stack.keys.changes());
        allowConnections();
        phase = "after";
        long restored = System.nanoTime();

        Map<String, StatusChange> changes = HeraldData.changes(redis, stack.keys);
        Set<String> madeInGap = new TreeSet<>();
        changes.forEach((id, change) -> {
            if (!change.isRefresh() && StreamIds.compare(id, lastBeforeCut) > 0
                    && StreamIds.compare(id, lastInGap) <= 0) {
                madeInGap.add(id);
            }
        });
        figures.add("changes made while status-api could not reach PostgreSQL", madeInGap.size());
        assertThat(madeInGap).as("changes made during the gap").isNotEmpty();
        await("the changes of the gap stored").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> HeraldData.historyRows(stack.database).keySet().containsAll(madeInGap));
        Duration caughtUp = Duration.ofNanos(System.nanoTime() - restored);
        figures.add("history caught up with the gap, after connections were allowed again", caughtUp);
        figures.add("history: changes of the gap stored per second while catching up",
                String.format("%.1f", madeInGap.size() / (caughtUp.toMillis() / 1000.0)));
        await("/api/v1/incidents answers 200 again").atMost(Duration.ofSeconds(30))
                .until(() -> HeraldData.status(stack.api.url() + "/api/v1/incidents") == 200);
        figures.add("/api/v1/incidents answers 200 again, after connections were allowed again",
                Duration.ofNanos(System.nanoTime() - restored));

        load.stop(load.taken() + 200);
        assertThat(load.awaitFinished(Duration.ofSeconds(60))).as("senders finished").isTrue();
        poller.shutdownNow();
        Map<String, StatusChange> all = HeraldData.changes(redis, stack.keys);
        Set<String> worthy = HeraldData.historyWorthy(all);
        Map<String, Integer> rows = await("every change stored").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> HeraldData.historyRows(stack.database), r -> r.keySet().containsAll(worthy));
        cutDone = true;
        figures.add("answers by phase", new TreeMap<>(answers));
        figures.write();
        assertThat(load.refused).as("webhooks refused (ingest-worker does not use PostgreSQL)").isEmpty();
        assertThat(rows.keySet()).as("status_change rows = the changes stream's changes").isEqualTo(worthy);
        assertThat(rows.values()).as("rows per stream id").allMatch(count -> count == 1);
        assertThat(answers.getOrDefault("gap /api/v2/summary.json", Map.of()).keySet())
                .as("summary.json answers during the gap").containsOnly(200);
    }

    @Test
    @Order(2)
    void shouldAnswer503Or200ButNever500ForIncidentsWhileItsDatabaseIsUnreachable() {
        assertThat(cutDone).as("the cut ran").isTrue();
        Map<Integer, LongAdder> gap = answers.getOrDefault("gap /api/v1/incidents", Map.of());
        assertThat(gap).as("/api/v1/incidents was asked during the gap").isNotEmpty();
        assertThat(gap.keySet()).as("/api/v1/incidents answers while PostgreSQL is unreachable")
                .isSubsetOf(Set.of(200, 503));
    }

    /** One answer, counted in the phase it ended in (a request that was waiting when the cut came is the gap's). */
    private static void record(String path) {
        int code = HeraldData.status(stack.api.url() + path);
        String at = phase;
        answers.computeIfAbsent(at + " " + path, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, key -> new LongAdder()).increment();
    }

    private static void allowConnections() throws Exception {
        if (stack != null) {
            Psql.query("postgres", "ALTER DATABASE " + stack.database + " ALLOW_CONNECTIONS true");
        }
    }

    private static Path target() {
        return Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize()
                .resolve("system-tests/target");
    }
}
