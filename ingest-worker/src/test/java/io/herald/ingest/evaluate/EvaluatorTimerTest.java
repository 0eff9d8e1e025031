package io.herald.ingest.evaluate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.signal.SignalLog;
import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.herald.model.CheckOutcome;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.Signal;
import io.herald.model.StatusChange;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the evaluator decides with no new signal, on its timer: a flapping check released after its quiet period, a
 * silent location that stops counting, a silent check that is stale, a missed heartbeat that is down. A short tick
 * and a short flapping hold (3 s quiet) keep it quick.
 */
@QuarkusTest
@TestProfile(EvaluatorTimerTest.ShortTimers.class)
class EvaluatorTimerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class ShortTimers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.evaluator.tick", "300ms",
                    "herald.evaluator.flapping.max-changes", "4",
                    "herald.evaluator.flapping.window", "1m",
                    "herald.evaluator.flapping.quiet", "3s");
        }
    }

    @Inject
    RedisDataSource redis;

    @Inject
    SignalLog signals;

    RedisProbe store;

    @BeforeEach
    void setUp() {
        store = new RedisProbe(redis);
    }

    private static void post(String body) {
        given().header("Authorization", "Bearer " + TestEnvironment.TOKEN).contentType("application/json")
                .body(body).when().post("/ingest/test-monitor").then().statusCode(202);
    }

    private ComponentState awaitState(String component, ComponentStatus status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current(component))
                .extracting(ComponentState::status).isEqualTo(status));
        return store.current(component);
    }

    private List<StatusChange> changesOf(String component) {
        return store.changes().stream().map(m -> HeraldJson.read(m.payload().get(RedisKeys.CHANGE_FIELD),
                StatusChange.class)).filter(c -> c.component().equals(component)).toList();
    }

    private static long count(Map<String, Object> record) {
        return ((Number) record.getOrDefault("count", 0)).longValue();
    }

    @Test
    void shouldReleaseAFlappingCheckWhoseSenderClockIsFarAheadOnceItIsQuiet() {
        awaitState("flap-future", ComponentStatus.OPERATIONAL);
        for (int i = 0; i < 6; i++) {
            post("{\"check\":\"future-monitor\",\"status\":\"" + (i % 2 == 0 ? "down" : "up")
                    + "\",\"detail\":\"alert " + i + "\",\"observed_at\":\"9999-12-31T23:59:59Z\"}");
        }
        await().atMost(WAIT).until(() -> count(store.checkState("future-monitor")) >= 6);
        assertThat(store.locationState("future-monitor", "").get("detail")).isEqualTo("alert 5 (the sender's time "
                + "9999-12-31T23:59:59Z was ahead of Herald's clock; the time received is used)");
        assertThat(store.current("flap-future").status()).as("six changes in a minute: flapping")
                .isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(store.current("flap-future").detail()).startsWith("flapping");

        post("{\"check\":\"future-monitor\",\"status\":\"up\",\"detail\":\"all good\"}");

        // Released 3 s after the last change, by the timer: no signal comes after the up.
        ComponentState released = awaitState("flap-future", ComponentStatus.OPERATIONAL);
        assertThat(released.stale()).isFalse();
        Map<String, Object> flap = flap(store.checkState("future-monitor"));
        assertThat(flap).containsEntry("flapping", false);
        Instant lastChange = Instant.parse(flap.get("last_change").toString());
        assertThat(lastChange).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minus(WAIT));
    }

    /** When the check's last signal was received, as the words about its silence give it (to the second). */
    private Instant heard(String check) {
        return Instant.parse(store.checkState(check).get("heard").toString()).truncatedTo(ChronoUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flap(Map<String, Object> record) {
        return (Map<String, Object>) record.get("flap");
    }

    private void feed(String check, String location, CheckOutcome outcome, String detail) {
        signals.append(new Signal(UUID.randomUUID().toString(), "probe", check, outcome, 10L, detail, Instant.now(),
                location)).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void shouldStopCountingALocationThatFellSilentWithoutANewSignal() {
        // Quorum 2 of paris, lyon and nantes; a location silent for 4 s (expect_every) no longer counts.
        feed("silent-probe", "paris", CheckOutcome.DOWN, "refused from paris");
        awaitState("silent-locations", ComponentStatus.MAJOR_OUTAGE);
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        feed("silent-probe", "lyon", CheckOutcome.DOWN, "refused from lyon");
        feed("silent-probe", "nantes", CheckOutcome.UP, "answers from nantes");
        await().atMost(WAIT).until(() -> count(store.checkState("silent-probe")) >= 3);
        assertThat(store.current("silent-locations").status()).as("paris and lyon say down")
                .isEqualTo(ComponentStatus.MAJOR_OUTAGE);

        // Paris falls silent first: lyon alone is not a quorum, though no signal came since.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Map<String, Object> record = store.checkState("silent-probe");
            assertThat(record).containsEntry("state", "UP");
            assertThat(record.get("detail").toString()).startsWith("down only from lyon (1 of 2 locations, quorum 2)");
        });
        assertThat(changesOf("silent-locations")).extracting(StatusChange::to).contains(ComponentStatus.OPERATIONAL);
    }

    @Test
    void shouldShowASilentMonitorStaleNeverOperationalAndFreshWhenItSpeaksAgain() {
        post("{\"check\":\"quiet-monitor\",\"status\":\"up\",\"detail\":\"all quiet\"}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("quiet-webhook")).satisfies(state -> {
            assertThat(state.status()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(state.stale()).isFalse();
        }));
        Instant heard = heard("quiet-monitor");

        // expect_every is 2 s: its last word (up) stands but is stale, and a silent up is shown degraded.
        ComponentState stale = awaitState("quiet-webhook", ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.staleDetail()).isEqualTo("no recent data from Quiet monitor since " + heard);
        StatusChange toStale = changesOf("quiet-webhook").get(changesOf("quiet-webhook").size() - 1);
        assertThat(toStale.from()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(toStale.stale()).isTrue();
        assertThat(toStale.staleDetail()).isEqualTo(stale.staleDetail());

        post("{\"check\":\"quiet-monitor\",\"status\":\"down\",\"detail\":\"queue stuck\"}");
        ComponentState down = awaitState("quiet-webhook", ComponentStatus.MAJOR_OUTAGE);
        assertThat(down.stale()).isFalse();
        assertThat(down.detail()).isEqualTo("queue stuck");

        // A silent down stays down; only its staleness changes: a refresh, from == to, written like a change.
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("quiet-webhook").stale()).isTrue());
        ComponentState staleDown = store.current("quiet-webhook");
        assertThat(staleDown.status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(staleDown.since()).isEqualTo(down.since());
        StatusChange refresh = changesOf("quiet-webhook").get(changesOf("quiet-webhook").size() - 1);
        assertThat(refresh.isRefresh()).isTrue();
        assertThat(refresh.to()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(refresh.stale()).isTrue();
        assertThat(refresh.staleDetail()).startsWith("no recent data from Quiet monitor since ");

        post("{\"check\":\"quiet-monitor\",\"status\":\"up\",\"detail\":\"back\"}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("quiet-webhook")).satisfies(state -> {
            assertThat(state.status()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(state.stale()).isFalse();
            assertThat(state.staleDetail()).isEmpty();
        }));
    }

    @Test
    void shouldPutAMissedHeartbeatDownAndBringItBackWhenItBeats() {
        // Never heard: down once expect_every (2 s) has passed since the evaluator first knew the check.
        ComponentState missed = awaitState("timer-backup", ComponentStatus.MAJOR_OUTAGE);
        assertThat(missed.stale()).isFalse();
        assertThat(missed.cause()).isEqualTo("timer-heartbeat");
        assertThat(missed.detail()).matches("no heartbeat from Nightly backup since \\S+ \\(expected every 2s\\)");

        signals.append(new Signal(UUID.randomUUID().toString(), "heartbeat", "timer-heartbeat", CheckOutcome.UP,
                null, "backup finished", Instant.now())).await().atMost(Duration.ofSeconds(5));
        ComponentState beating = awaitState("timer-backup", ComponentStatus.OPERATIONAL);
        assertThat(beating.stale()).isFalse();
        Instant heard = heard("timer-heartbeat");

        ComponentState missedAgain = awaitState("timer-backup", ComponentStatus.MAJOR_OUTAGE);
        assertThat(missedAgain.detail()).isEqualTo("no heartbeat from Nightly backup since " + heard
                + " (expected every 2s)");
    }
}
