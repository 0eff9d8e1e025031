package io.herald.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What Herald keeps when Redis is killed with kill -9, for each way docs/operations.md describes running it, each
 * on a redis-server of the test's own: with the AOF fsynced before every reply (appendfsync always) every webhook
 * answered 202 is there after the restart; fsynced once a second (everysec) the loss is measured and bounded; with no
 * persistence at all (how bin/ensure-services runs the shared dev Redis) Redis comes back empty and every service
 * recovers by itself. The figures go to the output and to target/durability.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisDurabilityTest {
    private static final int SENDERS = 8;
    private static final int BEFORE_KILL = 4_000;
    private static Figures figures;

    @BeforeAll
    static void figures() {
        figures = new Figures("durability", target().resolve("durability.txt"));
    }

    @AfterAll
    static void written() throws Exception {
        figures.write();
    }

    @Test
    @Order(1)
    void shouldKeepEveryAcceptedWebhookWithAppendfsyncAlways() throws Exception {
        Loss loss = killDuringWebhooks(TestRedis.Persistence.AOF_ALWAYS, "always");
        assertThat(loss.lost()).as("webhooks answered 202 and gone after kill -9 with appendfsync always")
                .isEmpty();
    }

    @Test
    @Order(2)
    void shouldLoseAtMostAboutASecondOfWebhooksWithAppendfsyncEverysec() throws Exception {
        Loss loss = killDuringWebhooks(TestRedis.Persistence.AOF_EVERYSEC, "everysec");
        // Redis writes the AOF to the kernel before it replies, and fsyncs it once a second; a write it must
        // postpone behind a slow fsync is written at most two seconds late: the bound is two seconds' worth.
        assertThat(loss.lost().size()).as("webhooks answered 202 and gone after kill -9 with appendfsync everysec")
                .isLessThanOrEqualTo((int) loss.lastTwoSeconds());
    }

    @Test
    @Order(3)
    void shouldRecoverByItselfWhenRedisComesBackEmpty() throws Exception {
        try (TestRedis redis = new TestRedis(target().resolve("durability-redis-none"), TestRedis.Persistence.NONE);
                FaultStack stack = new FaultStack("durability-none", redis.port, 1, true, true)) {
            redis.start();
            stack.start();
            RedisKeys keys = stack.keys;
            WebhookLoad before = new WebhookLoad(stack.ingestUrls(), "before-", FaultStack.TOKEN, 2, 10);
            before.start();
            await("changes stored before the kill").atMost(Duration.ofSeconds(60))
                    .until(() -> HeraldData.historyRows(stack.database).size() >= 10);
            before.stop(0);
            assertThat(before.awaitFinished(Duration.ofSeconds(60))).isTrue();
            int rowsBefore = HeraldData.historyRows(stack.database).size();

            redis.kill();
            long killed = System.nanoTime();
            redis.start();
            long back = System.nanoTime();
            assertThat(redis.client.number("DBSIZE")).as("keys in Redis after its restart without persistence")
                    .isZero();
            figures.add("none: keys after the restart", 0);

            // A monitor keeps sending: the worker answers 202 again, the evaluator's group is made again and
            // applies the new signals, status-api's history group is made again and stores the new changes, and
            // summary.json and the page show them. 21 deliveries, the flip check's down, up, down: the last change
            // is to major_outage.
            WebhookLoad after = new WebhookLoad(stack.ingestUrls(), "after-", FaultStack.TOKEN, 1, 10);
            after.stop(21);
            after.start();
            long firstAccepted = await("a webhook answered 202 by the empty Redis").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10)).until(() -> after.firstAcceptedAtOrAfter(back), t -> t > 0);
            figures.add("none: first 202 after Redis answered again", Duration.ofNanos(firstAccepted - back));
            await("evaluator group made again and applying").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20)).until(() ->
                            redis.client.groups(keys.signals()).contains(RedisKeys.EVALUATOR_GROUP)
                                    && HeraldData.applied(redis.client, keys, WebhookLoad.FLIP_CHECK) > 0);
            figures.add("none: first signal applied again, after Redis answered", since(back));
            assertThat(after.awaitFinished(Duration.ofSeconds(60))).as("the deliveries after the restart").isTrue();
            assertThat(after.refused).as("deliveries refused after the restart").isEmpty();
            await("every delivery after the restart applied").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(20)).until(() ->
                            HeraldData.applied(redis.client, keys, WebhookLoad.FLIP_CHECK) == 3);
            await("summary.json shows the flip component in major_outage").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> "major_outage".equals(HeraldData.summaryStatus(stack.api.url(), "flip")));
            figures.add("none: summary.json shows the new status, after Redis answered", since(back));
            Map<String, StatusChange> changes = HeraldData.changes(redis.client, keys);
            assertThat(lastFlip(changes)).as("the last change recorded after the restart").isEqualTo("major_outage");
            Set<String> worthy = HeraldData.historyWorthy(changes);
            await("status-api's history group made again, every new change stored").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100)).until(() ->
                            redis.client.groups(keys.changes()).contains(RedisKeys.HISTORY_GROUP)
                                    && HeraldData.historyRows(stack.database).keySet().containsAll(worthy));
            figures.add("none: every new change stored in history, after Redis answered", since(back));
            assertThat(HeraldData.historyRows(stack.database)).as("history kept what it had before the restart")
                    .hasSizeGreaterThanOrEqualTo(rowsBefore + worthy.size());
            await("the page shows the flip component in major_outage").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> "major_outage".equals(HeraldData.pageStatus(stack.web.url(), "flip")));
            figures.add("none: the page shows the new status, after Redis answered", since(back));

            for (ServiceProcess service : List.of(stack.ingest.get(0), stack.api, stack.web)) {
                service.awaitReady(Duration.ofSeconds(60));
            }
            figures.add("none: every service ready, after the kill -9", since(killed));
            figures.write();
        }
    }

    /** Which webhooks answered 202 before the kill are gone after it, and how many came in just before it. */
    private record Loss(Set<String> lost, long lastTwoSeconds) {
    }

    private static Loss killDuringWebhooks(TestRedis.Persistence persistence, String name) throws Exception {
        try (TestRedis redis = new TestRedis(target().resolve("durability-redis-" + name), persistence);
                FaultStack stack = new FaultStack("durability-" + name, redis.port, 1, false, false)) {
            redis.start();
            stack.start();
            WebhookLoad load = new WebhookLoad(stack.ingestUrls(), "d", FaultStack.TOKEN, SENDERS, 1000);
            load.start();
            await(BEFORE_KILL + " webhooks answered 202").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(5)).until(() -> load.accepted.size() >= BEFORE_KILL);
            redis.kill();
            long killed = System.nanoTime();
            double rate = load.accepted.size() / ((killed - load.startedNanos()) / 1e9);
            // Answered 202 before the kill: Redis had replied to the worker before it died.
            Set<String> acceptedBefore = Set.copyOf(load.accepted.keySet());
            long lastSecond = load.acceptedBetween(killed - 1_000_000_000L, killed);
            long lastTwoSeconds = load.acceptedBetween(killed - 2_000_000_000L, killed);
            load.stop(0);

            Duration restart = redis.start();
            Map<String, Integer> kept = HeraldData.deliveriesInSignals(redis.client, stack.keys);
            Set<String> lost = new java.util.TreeSet<>(acceptedBefore);
            lost.removeAll(kept.keySet());
            // The deliveries cut by the kill are retried by their senders and answered by the restarted Redis.
            assertThat(load.awaitFinished(Duration.ofSeconds(120))).as("senders finished after the restart").isTrue();

            figures.add(name + ": webhooks answered 202 before kill -9", acceptedBefore.size());
            figures.add(name + ": of which in the last second before it", lastSecond);
            figures.add(name + ": webhooks/s before the kill (one ingest-worker, 8 senders)",
                    String.format("%.0f", rate));
            figures.add(name + ": lost after the restart from the AOF", lost.size()
                    + (lost.isEmpty() ? "" : " (first " + lost.stream().limit(5).toList() + ")"));
            figures.add(name + ": redis-server start to PING (loading the AOF)", restart);
            figures.write();
            return new Loss(lost, lastTwoSeconds);
        }
    }

    /** The flip component's status after the newest of these changes, or null when none is about it. */
    private static String lastFlip(Map<String, StatusChange> changes) {
        String status = null;
        for (StatusChange change : changes.values()) {
            if (change.component().equals("flip")) {
                status = change.to().wire();
            }
        }
        return status;
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static Path target() {
        return Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize()
                .resolve("system-tests/target");
    }
}
