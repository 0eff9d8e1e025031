package io.herald.ingest.evaluate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.herald.ingest.support.TestRedis;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.herald.model.Signal;
import io.herald.model.CheckOutcome;
import io.herald.model.StatusChange;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluatorTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    RedisDataSource redis;

    @Inject
    StatusWriter writer;

    RedisProbe store;
    final List<LiveNotice> notices = new CopyOnWriteArrayList<>();
    PubSubCommands.RedisSubscriber subscriber;

    @BeforeAll
    static void clearKeys() {
        TestRedis.deleteKeys(TestEnvironment.PREFIX);
    }

    @BeforeEach
    void subscribe() {
        store = new RedisProbe(redis);
        subscriber = redis.pubsub(String.class).subscribe(store.keys().liveChannel(),
                message -> notices.add(HeraldJson.read(message, LiveNotice.class)));
    }

    @AfterEach
    void unsubscribe() {
        subscriber.unsubscribe();
    }

    private static void post(String check, String status, String detail) {
        given().header("Authorization", "Bearer " + TestEnvironment.TOKEN).contentType("application/json")
                .body("{\"check\":\"" + check + "\",\"status\":\"" + status + "\",\"detail\":\"" + detail
                        + "\",\"id\":\"" + UUID.randomUUID() + "\"}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(202);
    }

    private List<StreamMessage<String, String, String>> changesOf(String component) {
        return store.changes().stream()
                .filter(m -> component.equals(change(m).component())).toList();
    }

    private static StatusChange change(StreamMessage<String, String, String> entry) {
        return HeraldJson.read(entry.payload().get(RedisKeys.CHANGE_FIELD), StatusChange.class);
    }

    @Test
    void shouldRecordAnOutageAndItsRecoveryFromWebhookSignals() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("webhook-e2e"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.OPERATIONAL));

        post("e2e-monitor", "down", "database unreachable");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.locationState("e2e-monitor", "")).containsEntry("failures", 1));
        assertThat(store.current("webhook-e2e").status()).as("one failure of two is not an outage yet")
                .isEqualTo(ComponentStatus.OPERATIONAL);

        post("e2e-monitor", "down", "database unreachable");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("webhook-e2e"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.MAJOR_OUTAGE));
        ComponentState down = store.current("webhook-e2e");
        assertThat(down.cause()).isEqualTo("e2e-monitor");
        assertThat(down.detail()).isEqualTo("database unreachable");
        assertThat(down.since()).isAfter(Instant.now().minus(WAIT));

        StreamMessage<String, String, String> outage = changesOf("webhook-e2e").get(changesOf("webhook-e2e").size() - 1);
        StatusChange outageChange = change(outage);
        assertThat(outageChange.from()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(outageChange.to()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(outageChange.cause()).isEqualTo("e2e-monitor");
        assertThat(outageChange.at()).isEqualTo(down.since());
        await().atMost(WAIT).untilAsserted(() -> assertThat(notices)
                .contains(new LiveNotice(outage.id(), outageChange)));

        post("e2e-monitor", "up", "database back");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.locationState("e2e-monitor", "")).containsEntry("successes", 1));
        assertThat(store.current("webhook-e2e").status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);

        post("e2e-monitor", "up", "database back");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("webhook-e2e"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.OPERATIONAL));
        List<StreamMessage<String, String, String>> changes = changesOf("webhook-e2e");
        StreamMessage<String, String, String> recovery = changes.get(changes.size() - 1);
        assertThat(change(recovery).from()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(change(recovery).to()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(change(recovery).cause()).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(notices)
                .contains(new LiveNotice(recovery.id(), change(recovery))));

        post("e2e-monitor", "up", "still fine");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.locationState("e2e-monitor", "")).containsEntry("successes", 3));
        assertThat(changesOf("webhook-e2e")).as("no change without a new status").hasSameSizeAs(changes);
    }

    @Test
    void shouldRollTwoChecksUpIntoPartialThenMajorOutage() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("webhook-pair"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.OPERATIONAL));

        post("pair-a-monitor", "down", "disk full");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("webhook-pair"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.PARTIAL_OUTAGE));
        assertThat(store.current("webhook-pair").cause()).isEqualTo("pair-a-monitor");

        post("pair-b-monitor", "down", "no answer");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("webhook-pair"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.MAJOR_OUTAGE));
        assertThat(store.current("webhook-pair").cause()).isEqualTo("pair-a-monitor,pair-b-monitor");
        assertThat(store.current("webhook-pair").detail()).isEqualTo("disk full; no answer");

        post("pair-a-monitor", "up", "ok");
        post("pair-b-monitor", "degraded", "slow replies");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("webhook-pair"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE));
        assertThat(store.current("webhook-pair").cause()).isEqualTo("pair-b-monitor");
    }

    @Test
    void shouldAcknowledgeMalformedSignalsAndKeepEvaluating() {
        String malformed = redis.stream(String.class).xadd(store.keys().signals(),
                Map.of("check", "accept-monitor", "outcome", "sideways"));
        String unknownCheck = redis.stream(String.class).xadd(store.keys().signals(), new Signal("x", "test-monitor",
                "no-such-check", CheckOutcome.DOWN, null, "?", Instant.now()).toFields());
        String detail = "after the malformed ones " + UUID.randomUUID();

        post("accept-monitor", "down", detail);

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.checkState("accept-monitor"))
                .containsEntry("detail", detail));
        for (String id : List.of(malformed, unknownCheck)) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(redis.execute("XPENDING", store.keys().signals(),
                    RedisKeys.EVALUATOR_GROUP, id, id, "10").size()).as("entry %s still pending", id).isZero());
        }
    }

    @Test
    void shouldTakeOverSignalsAnotherWorkerReadButNeverAcknowledged() {
        String detail = "left behind by a crashed worker " + UUID.randomUUID();
        List<String> fields = new java.util.ArrayList<>();
        new Signal(UUID.randomUUID().toString(), "test-monitor", "accept-monitor", CheckOutcome.DOWN, null, detail,
                Instant.now()).toFields().forEach((k, v) -> {
                    fields.add(k);
                    fields.add(v);
                });
        // The group may not exist yet if another test class just cleared the keys.
        try {
            redis.execute("XGROUP", "CREATE", store.keys().signals(), RedisKeys.EVALUATOR_GROUP, "0", "MKSTREAM");
        } catch (RuntimeException alreadyThere) {
            // BUSYGROUP: the evaluator created it first.
        }
        // Appended and delivered to "crashed-worker" in one step, so the running evaluator never reads it itself.
        List<String> args = new java.util.ArrayList<>(List.of(
                "local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV)) "
                        + "redis.call('XREADGROUP', 'GROUP', 'evaluator', 'crashed-worker', 'COUNT', '10000', 'STREAMS', KEYS[1], '>') "
                        + "return id",
                "1", store.keys().signals()));
        args.addAll(fields);
        String id = redis.execute("EVAL", args.toArray(String[]::new)).toString();
        assertThat(redis.execute("XPENDING", store.keys().signals(), RedisKeys.EVALUATOR_GROUP, id, id, "10")
                .get(0).get(1).toString()).isEqualTo("crashed-worker");

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.checkState("accept-monitor"))
                .containsEntry("detail", detail));
        await().atMost(WAIT).untilAsserted(() -> assertThat(redis.execute("XPENDING", store.keys().signals(),
                RedisKeys.EVALUATOR_GROUP, id, id, "10").size()).isZero());
    }

    @Test
    void shouldWriteAndPublishAChangeOnlyOnceWhenItIsReplayed() {
        String component = "cas-" + UUID.randomUUID();
        ComponentEvaluation outage = new ComponentEvaluation(ComponentStatus.MAJOR_OUTAGE, "x", "down");

        StatusWriter.Outcome first = writer.write(component, null, outage, Instant.now(), Map.of(), null, Map.of());
        StatusWriter.Outcome replay = writer.write(component, null, outage, Instant.now(), Map.of(), null, Map.of());
        StatusWriter.Outcome stale = writer.write(component,
                new ComponentState(component, ComponentStatus.OPERATIONAL, Instant.now(), "", ""),
                new ComponentEvaluation(ComponentStatus.DEGRADED_PERFORMANCE, "x", "slow"), Instant.now(), Map.of(),
                null, Map.of());

        assertThat(first.kind()).isEqualTo(StatusWriter.Outcome.Kind.CHANGED);
        assertThat(replay.kind()).isEqualTo(StatusWriter.Outcome.Kind.SAME);
        assertThat(stale.kind()).isEqualTo(StatusWriter.Outcome.Kind.CONFLICT);
        assertThat(stale.found()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(changesOf(component)).hasSize(1);
        assertThat(changesOf(component).get(0).id()).isEqualTo(first.value());
        assertThat(store.current(component).status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        await().atMost(WAIT).untilAsserted(() -> assertThat(notices)
                .filteredOn(n -> n.change().component().equals(component)).hasSize(1));
    }

    /** The fields of a signal as the stream holds them, flattened for XADD. */
    private static List<String> fields(Signal signal) {
        List<String> fields = new java.util.ArrayList<>();
        signal.toFields().forEach((k, v) -> {
            fields.add(k);
            fields.add(v);
        });
        return fields;
    }

    private static List<String> texts(io.vertx.mutiny.redis.client.Response reply) {
        List<String> texts = new java.util.ArrayList<>();
        reply.forEach(item -> texts.add(item.toString()));
        return texts;
    }

    private void ensureGroup() {
        // The group may not exist yet if another test class just cleared the keys.
        try {
            redis.execute("XGROUP", "CREATE", store.keys().signals(), RedisKeys.EVALUATOR_GROUP, "0", "MKSTREAM");
        } catch (RuntimeException alreadyThere) {
            // BUSYGROUP: the evaluator created it first.
        }
    }

    private boolean pending(String id) {
        return redis.execute("XPENDING", store.keys().signals(), RedisKeys.EVALUATOR_GROUP, id, id, "10").size() > 0;
    }

    private static long handled(Map<String, Object> record) {
        return ((Number) record.getOrDefault("count", 0)).longValue()
                + ((Number) record.getOrDefault("superseded", 0)).longValue();
    }

    @Test
    void shouldNotApplyADownTakenOverFromADeadConsumerAfterTheUpThatFollowedIt() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("order-imap"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.OPERATIONAL));
        ensureGroup();
        Instant said = Instant.now();
        Signal down = new Signal(UUID.randomUUID().toString(), "test-monitor", "order-imap-monitor", CheckOutcome.DOWN, null,
                "IMAP login failed", said);
        Signal up = new Signal(UUID.randomUUID().toString(), "test-monitor", "order-imap-monitor", CheckOutcome.UP, null,
                "IMAP login works again", said.plusMillis(1));
        // Consumer A reads the down and dies before acknowledging it; the up follows and the running evaluator (B)
        // applies it; the down is taken over once claim-idle (1 s in tests) has passed.
        List<String> args = new java.util.ArrayList<>(List.of(
                "local d = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2, 1 + tonumber(ARGV[1]))) "
                        + "redis.call('XREADGROUP', 'GROUP', 'evaluator', 'killed-consumer-a', 'COUNT', '10000', "
                        + "'STREAMS', KEYS[1], '>') "
                        + "local u = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2 + tonumber(ARGV[1]))) "
                        + "return {d, u}",
                "1", store.keys().signals(), Integer.toString(fields(down).size())));
        args.addAll(fields(down));
        args.addAll(fields(up));
        List<String> ids = texts(redis.execute("EVAL", args.toArray(String[]::new)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(store.locationState("order-imap-monitor", ""))
                .containsEntry("last_entry", ids.get(1)));
        await().atMost(WAIT).until(() -> !pending(ids.get(0)));

        assertThat(store.current("order-imap").status()).as("the monitor's last word was up")
                .isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(store.locationState("order-imap-monitor", "")).containsEntry("last_entry", ids.get(1))
                .containsEntry("detail", "IMAP login works again");
        assertThat(store.checkState("order-imap-monitor")).containsEntry("superseded", 1);
        assertThat(changesOf("order-imap")).extracting(m -> change(m).to())
                .doesNotContain(ComponentStatus.MAJOR_OUTAGE);
    }

    @Test
    void shouldNotApplyASignalObservedBeforeTheOneAlreadyApplied() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("order-pop"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.OPERATIONAL));
        Instant now = Instant.now();
        postAt("pop-monitor", "up", "POP3 answers", now);
        postAt("pop-monitor", "down", "POP3 refused a login a minute ago", now.minusSeconds(60));

        await().atMost(WAIT).until(() -> handled(store.checkState("pop-monitor")) >= 2);
        assertThat(store.checkState("pop-monitor")).containsEntry("count", 1).containsEntry("superseded", 1);
        assertThat(store.locationState("pop-monitor", "")).containsEntry("detail", "POP3 answers");
        assertThat(store.current("order-pop").status()).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    private static void postAt(String check, String status, String detail, Instant observedAt) {
        given().header("Authorization", "Bearer " + TestEnvironment.TOKEN).contentType("application/json")
                .body("{\"check\":\"" + check + "\",\"status\":\"" + status + "\",\"detail\":\"" + detail
                        + "\",\"observed_at\":\"" + observedAt + "\"}")
                .when().post("/ingest/test-monitor")
                .then().statusCode(202);
    }

    private List<String> consumers() {
        // In a script the reply is RESP2 whatever the connection speaks: each consumer a flat list of names and values.
        String names = "local out = {} for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do "
                + "for i = 1, #c, 2 do if c[i] == 'name' then out[#out + 1] = c[i + 1] end end end return out";
        return texts(redis.execute("EVAL", names, "1", store.keys().signals(), RedisKeys.EVALUATOR_GROUP));
    }

    @Test
    void shouldRemoveAConsumerThatHasBeenIdleAndHoldsNothing() {
        ensureGroup();
        String dead = "dead-worker-" + UUID.randomUUID();
        redis.execute("XGROUP", "CREATECONSUMER", store.keys().signals(), RedisKeys.EVALUATOR_GROUP, dead);
        assertThat(consumers()).contains(dead);

        // forget-consumer-after is 3 s in tests; a live evaluator looks once per claim-idle (1 s).
        await().atMost(WAIT).untilAsserted(() -> assertThat(consumers()).doesNotContain(dead));
        assertThat(consumers()).as("the live evaluator is still there").isNotEmpty();
    }
}
