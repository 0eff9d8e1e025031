package io.herald.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.UpstreamPayloads;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's other check types run by the scheduler: a vendor's Statuspage and Microsoft Graph served from their
 * documented shapes by a local HTTP server, the http options, and TCP connects.
 */
@QuarkusTest
class CheckTypesTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    RedisDataSource redis;

    RedisProbe store;

    @BeforeEach
    void setUp() {
        store = new RedisProbe(redis);
    }

    private List<Map<String, String>> signalsOf(String check) {
        return store.signals().stream().map(StreamMessage::payload).filter(p -> check.equals(p.get("check"))).toList();
    }

    private Map<String, String> awaitSignal(String check) {
        await().atMost(WAIT).until(() -> !signalsOf(check).isEmpty());
        List<Map<String, String>> signals = signalsOf(check);
        return signals.get(signals.size() - 1);
    }

    @Test
    void shouldMapTheVendorComponentOntoItsCheckAndRecordEachIncidentUpdateOnce() {
        Map<String, String> signal = awaitSignal("vendor-exchange");

        assertThat(signal).containsEntry("source", "pull").containsEntry("outcome", "down");
        assertThat(signal.get("detail")).isEqualTo("Contoso Mail Cloud: Exchange Online partial outage (Some users "
                + "cannot connect with ActiveSync: A front-end change is being rolled back.)");
        assertThat(signal).doesNotContainKey("location");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("vendor-mail"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.MAJOR_OUTAGE));
        awaitTwoMorePolls(UpstreamPayloads.SUMMARIES_SERVED);
        assertThat(signalsOf("vendor-exchange")).as("polls that learn nothing new are not recorded again").hasSize(1);
    }

    @Test
    void shouldKeepAPulledCheckFreshWhileItsUpstreamIsReadThoughNothingNewIsRecorded() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("vendor-mail"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.MAJOR_OUTAGE));
        // expect_every is 4 s (three 1 s intervals and the timeout); the poll is answered every second.
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(12)).untilAsserted(() -> assertThat(
                store.current("vendor-mail")).satisfies(state -> {
                    assertThat(state.status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
                    assertThat(state.stale()).as("read every second: not stale").isFalse();
                }));
        assertThat(signalsOf("vendor-exchange")).as("still recorded once").hasSize(1);
    }

    @Test
    void shouldReadGraphServiceHealthAcrossPagesWithAnyEnumCasing() {
        Map<String, String> signal = awaitSignal("m365-exchange");

        assertThat(signal).containsEntry("source", "pull").containsEntry("outcome", "degraded");
        assertThat(signal.get("detail")).isEqualTo("Microsoft 365: Exchange Online SERVICEDEGRADATION: EX226792 Users "
                + "can't connect with Exchange ActiveSync (serviceDegradation)");
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current("m365"))
                .extracting(ComponentState::status).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE));
        awaitTwoMorePolls(UpstreamPayloads.ISSUES_SERVED);
        assertThat(signalsOf("m365-exchange")).hasSize(1);
        assertThat(UpstreamPayloads.TOKENS_ISSUED.get()).as("the token is reused until it expires").isEqualTo(1);
    }

    /**
     * Polls run one after another, so once two more have been answered the first of them has been fully handled:
     * anything it would have recorded is in the stream by then.
     */
    private static void awaitTwoMorePolls(AtomicInteger served) {
        int before = served.get();
        await().atMost(WAIT).until(() -> served.get() >= before + 2);
    }

    @Test
    void shouldApplyHttpOptions() {
        assertThat(awaitSignal("probe-json-http")).containsEntry("outcome", "up");
        Map<String, String> wrongValue = awaitSignal("probe-json-bad-http");
        assertThat(wrongValue).containsEntry("outcome", "down");
        assertThat(wrongValue.get("detail")).startsWith("'status.checks[0].state' is 'failing', expected 'ok'");
        assertThat(awaitSignal("probe-header-http")).containsEntry("outcome", "up");
        assertThat(awaitSignal("probe-redirect-http")).containsEntry("outcome", "up");
        assertThat(awaitSignal("probe-follow-http")).containsEntry("outcome", "up");
    }

    @Test
    void shouldConnectOverTcp() {
        assertThat(awaitSignal("probe-tcp")).containsEntry("outcome", "up").containsEntry("location", "default");
        Map<String, String> closed = awaitSignal("probe-tcp-closed");
        assertThat(closed).containsEntry("outcome", "down");
        assertThat(closed.get("detail")).containsIgnoringCase("refused");
    }
}
