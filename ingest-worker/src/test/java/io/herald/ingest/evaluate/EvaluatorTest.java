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

        StatusWriter.Outcome first = writer.write(component, null, outage, Instant.now(), null, null, null, java.util.Map.of());
        StatusWriter.Outcome replay = writer.write(component, null, outage, Instant.now(), null, null, null, java.util.Map.of());
        StatusWriter.Outcome stale = writer.write(component, ComponentStatus.OPERATIONAL,
                new ComponentEvaluation(ComponentStatus.DEGRADED_PERFORMANCE, "x", "slow"), Instant.now(), null, null, null, java.util.Map.of());

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
}
