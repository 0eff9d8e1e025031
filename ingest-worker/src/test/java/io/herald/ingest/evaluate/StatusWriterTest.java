package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.herald.ingest.support.TestRedis;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.herald.model.StreamIds;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;
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

/** The writer chooses each change's stream id itself, so the live notice it publishes is encoded whole in Java. */
@QuarkusTest
class StatusWriterTest {
    @Inject
    RedisDataSource redis;

    @Inject
    StatusWriter writer;

    RedisProbe store;
    final List<String> published = new CopyOnWriteArrayList<>();
    PubSubCommands.RedisSubscriber subscriber;

    @BeforeAll
    static void clearKeys() {
        TestRedis.deleteKeys(TestEnvironment.PREFIX);
    }

    @BeforeEach
    void subscribe() {
        store = new RedisProbe(redis);
        subscriber = redis.pubsub(String.class).subscribe(store.keys().liveChannel(), published::add);
    }

    @AfterEach
    void unsubscribe() {
        subscriber.unsubscribe();
    }

    @Test
    void shouldPublishTheNoticeTheModelEncodesWithTheIdOfTheStreamEntry() {
        String component = "notice-" + UUID.randomUUID();
        StatusWriter.Outcome outcome = writer.write(component, null,
                new ComponentEvaluation(ComponentStatus.PARTIAL_OUTAGE, "activesync-monitor", "HTTP 503"),
                Instant.parse("2026-11-26T09:00:00Z"), Map.of(), null, Map.of());

        assertThat(outcome.kind()).isEqualTo(StatusWriter.Outcome.Kind.CHANGED);
        String entry = store.changes().stream().filter(m -> m.id().equals(outcome.value())).findFirst().orElseThrow()
                .payload().get(RedisKeys.CHANGE_FIELD);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published)
                .anyMatch(json -> json.contains(component)));
        String json = published.stream().filter(m -> m.contains(component)).findFirst().orElseThrow();
        LiveNotice notice = LiveNotice.decode(json);
        assertThat(notice.id()).isEqualTo(outcome.value());
        assertThat(json).isEqualTo(notice.encode()).isEqualTo("{\"id\":\"" + outcome.value() + "\",\"change\":" + entry + "}");
    }

    @Test
    void shouldWriteAfterAnEntryAnotherWriterAddedAheadOfItsClock() {
        // Another evaluator whose clock runs an hour ahead wrote the stream's last entry.
        String ahead = (System.currentTimeMillis() + 3_600_000L) + "-5";
        redis.execute("XADD", store.keys().changes(), ahead, RedisKeys.CHANGE_FIELD, HeraldJson.write(new StatusChange(
                "elsewhere", null, ComponentStatus.OPERATIONAL, Instant.now(), "", "")));
        String component = "behind-" + UUID.randomUUID();

        StatusWriter.Outcome outcome = writer.write(component, null,
                new ComponentEvaluation(ComponentStatus.MAJOR_OUTAGE, "imap-monitor", "down"), Instant.now(), Map.of(),
                null, Map.of());

        assertThat(outcome.kind()).isEqualTo(StatusWriter.Outcome.Kind.CHANGED);
        assertThat(StreamIds.compare(outcome.value(), ahead)).isPositive();
        assertThat(store.current(component).status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published)
                .map(LiveNotice::decode).filteredOn(n -> n.change().component().equals(component))
                .extracting(LiveNotice::id).containsExactly(outcome.value()));
    }

    private List<StatusChange> changesOf(String component) {
        return store.changes().stream().map(m -> HeraldJson.read(m.payload().get(RedisKeys.CHANGE_FIELD),
                StatusChange.class)).filter(c -> c.component().equals(component)).toList();
    }

    @Test
    void shouldWriteARefreshWhenAnotherCheckFailsWithoutChangingTheStatus() {
        String component = "cause-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-12-03T09:00:00Z");
        StatusWriter.Outcome one = writer.write(component, null, new ComponentEvaluation(
                ComponentStatus.PARTIAL_OUTAGE, "mailbox-2", "HTTP 503"), start, Map.of(), null, Map.of());
        StatusWriter.Outcome two = writer.write(component, one.state(), new ComponentEvaluation(
                ComponentStatus.PARTIAL_OUTAGE, "mailbox-2,mailbox-4", "HTTP 503; HTTP 503"), start.plusSeconds(2),
                Map.of(), null, Map.of());
        StatusWriter.Outcome detailOnly = writer.write(component, two.state(), new ComponentEvaluation(
                ComponentStatus.PARTIAL_OUTAGE, "mailbox-2,mailbox-4", "timed out; HTTP 503"), start.plusSeconds(4),
                Map.of(), null, Map.of());

        assertThat(two.kind()).as("a second failing check").isEqualTo(StatusWriter.Outcome.Kind.CHANGED);
        assertThat(detailOnly.kind()).as("the same checks failing in other words").isEqualTo(
                StatusWriter.Outcome.Kind.SAME);
        ComponentState stored = store.current(component);
        assertThat(stored.cause()).isEqualTo("mailbox-2,mailbox-4");
        assertThat(stored.since()).as("partly down since the first one failed").isEqualTo(start);
        assertThat(changesOf(component)).extracting(StatusChange::from, StatusChange::to, StatusChange::cause)
                .containsExactly(tuple(null, ComponentStatus.PARTIAL_OUTAGE, "mailbox-2"),
                        tuple(ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.PARTIAL_OUTAGE, "mailbox-2,mailbox-4"));
        assertThat(changesOf(component).get(1).isRefresh()).isTrue();
    }

    @Test
    void shouldWriteARefreshWhenOnlyTheStalenessChangesAndNothingWhenNothingDoes() {
        String component = "refresh-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-12-03T09:00:00Z");
        StatusWriter.Outcome down = writer.write(component, null,
                new ComponentEvaluation(ComponentStatus.MAJOR_OUTAGE, "activesync-monitor", "HTTP 503"), start,
                Map.of(), null, Map.of());
        String words = "no recent data from activesync-monitor since 2026-12-03T09:00:00Z";

        StatusWriter.Outcome refresh = writer.write(component, down.state(), new ComponentEvaluation(
                ComponentStatus.MAJOR_OUTAGE, "activesync-monitor", "HTTP 503", true, words), start.plusSeconds(300),
                Map.of(), null, Map.of());
        StatusWriter.Outcome again = writer.write(component, refresh.state(), new ComponentEvaluation(
                ComponentStatus.MAJOR_OUTAGE, "activesync-monitor", "HTTP 503", true, words), start.plusSeconds(305),
                Map.of(), null, Map.of());

        assertThat(refresh.kind()).isEqualTo(StatusWriter.Outcome.Kind.CHANGED);
        assertThat(again.kind()).isEqualTo(StatusWriter.Outcome.Kind.SAME);
        ComponentState stored = store.current(component);
        assertThat(stored.status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(stored.since()).as("still down since it went down").isEqualTo(start);
        assertThat(stored.stale()).isTrue();
        assertThat(stored.staleDetail()).isEqualTo(words);
        List<StatusChange> changes = changesOf(component);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).isEqualTo(new StatusChange(component, ComponentStatus.MAJOR_OUTAGE,
                ComponentStatus.MAJOR_OUTAGE, start.plusSeconds(300), "activesync-monitor", "HTTP 503", true, words));
        assertThat(changes.get(1).isRefresh()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published)
                .map(LiveNotice::decode).filteredOn(n -> n.change().component().equals(component))
                .extracting(LiveNotice::id).containsExactly(down.value(), refresh.value()));

        // Fresh again: a refresh back, and a new status carries the stale fields it has.
        StatusWriter.Outcome fresh = writer.write(component, again.state(), new ComponentEvaluation(
                ComponentStatus.MAJOR_OUTAGE, "activesync-monitor", "HTTP 503"), start.plusSeconds(310), Map.of(), null,
                Map.of());
        StatusWriter.Outcome degraded = writer.write(component, fresh.state(), new ComponentEvaluation(
                ComponentStatus.DEGRADED_PERFORMANCE, "activesync-monitor", words, true, words), start.plusSeconds(320),
                Map.of(), null, Map.of());
        assertThat(changesOf(component)).extracting(StatusChange::from, StatusChange::to, StatusChange::stale)
                .containsExactly(tuple(null, ComponentStatus.MAJOR_OUTAGE, false),
                        tuple(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.MAJOR_OUTAGE, true),
                        tuple(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.MAJOR_OUTAGE, false),
                        tuple(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.DEGRADED_PERFORMANCE, true));
        assertThat(degraded.state().since()).isEqualTo(start.plusSeconds(320));
    }

    @Test
    void shouldNotWriteARefreshOverAStateItDidNotExpect() {
        String component = "refresh-conflict-" + UUID.randomUUID();
        writer.write(component, null, new ComponentEvaluation(ComponentStatus.MAJOR_OUTAGE, "x", "down", true,
                "no recent data from x since 2026-12-03T09:00:00Z"), Instant.now(), Map.of(), null, Map.of());

        // This writer believes the state fresh; another one already marked it stale.
        StatusWriter.Outcome outcome = writer.write(component, new ComponentState(component,
                ComponentStatus.MAJOR_OUTAGE, Instant.now(), "x", "down"), new ComponentEvaluation(
                ComponentStatus.MAJOR_OUTAGE, "x", "down", true, "no recent data from x since 2026-12-03T09:05:00Z"),
                Instant.now(), Map.of(), null, Map.of());

        assertThat(outcome.kind()).isEqualTo(StatusWriter.Outcome.Kind.CONFLICT);
        assertThat(outcome.state().staleDetail()).isEqualTo("no recent data from x since 2026-12-03T09:00:00Z");
        assertThat(changesOf(component)).hasSize(1);
    }
}
