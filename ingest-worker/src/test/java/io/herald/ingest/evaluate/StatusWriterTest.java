package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.herald.ingest.support.TestRedis;
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
                Instant.parse("2026-11-26T09:00:00Z"), null, null, null, Map.of());

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
                new ComponentEvaluation(ComponentStatus.MAJOR_OUTAGE, "imap-monitor", "down"), Instant.now(), null,
                null, null, Map.of());

        assertThat(outcome.kind()).isEqualTo(StatusWriter.Outcome.Kind.CHANGED);
        assertThat(StreamIds.compare(outcome.value(), ahead)).isPositive();
        assertThat(store.current(component).status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(published)
                .map(LiveNotice::decode).filteredOn(n -> n.change().component().equals(component))
                .extracting(LiveNotice::id).containsExactly(outcome.value()));
    }
}
