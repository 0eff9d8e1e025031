package io.herald.ingest.probe.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.herald.ingest.support.TestRedis;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HttpProbeTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "herald.test.probe-port")
    int port;

    RedisProbe store;

    @BeforeAll
    static void clearKeys() {
        TestRedis.deleteKeys(TestEnvironment.PREFIX);
    }

    @BeforeEach
    void setUp() {
        store = new RedisProbe(redis);
    }

    private void setFlakyStatus(int status) {
        given().baseUri("http://127.0.0.1:" + port).when().post("/flaky/" + status).then().statusCode(200);
    }

    private ComponentState awaitStatus(String component, ComponentStatus status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(store.current(component))
                .extracting(ComponentState::status).isEqualTo(status));
        return store.current(component);
    }

    @Test
    void shouldRecordAHealthyEndpointAsUp() {
        awaitStatus("probe-ok", ComponentStatus.OPERATIONAL);
        await().atMost(WAIT).until(() -> store.signals().stream()
                .anyMatch(m -> "probe-ok-http".equals(m.payload().get("check"))));
        StreamMessage<String, String, String> signal = store.signals().stream()
                .filter(m -> "probe-ok-http".equals(m.payload().get("check"))).findFirst().orElseThrow();
        Map<String, String> fields = signal.payload();
        assertThat(fields).containsEntry("source", "probe").containsEntry("outcome", "up").containsEntry("location", "default");
        assertThat(fields.get("id")).matches("probe-ok-http:default:\\d+");
        assertThat(fields.get("latency_ms")).matches("\\d+");
        assertThat(fields.get("detail")).startsWith("HTTP 200 from http://127.0.0.1:" + port + "/ok");
    }

    @Test
    void shouldGoDownOnlyAfterTheFailureThresholdAndComeBack() {
        setFlakyStatus(200);
        try {
            awaitStatus("probe-flaky", ComponentStatus.OPERATIONAL);
            setFlakyStatus(503);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                assertThat(store.locationState("probe-flaky-http", "default")).containsEntry("failures", 1);
                Map<String, Object> state = store.checkState("probe-flaky-http");
                assertThat(state).as("one failure of two leaves the check up").containsEntry("state", "UP");
            });

            ComponentState down = awaitStatus("probe-flaky", ComponentStatus.MAJOR_OUTAGE);
            assertThat(down.cause()).isEqualTo("probe-flaky-http");
            assertThat(down.detail()).isEqualTo("HTTP 503 from http://127.0.0.1:" + port + "/flaky (expected 200)");

            setFlakyStatus(200);
            awaitStatus("probe-flaky", ComponentStatus.OPERATIONAL);
        } finally {
            setFlakyStatus(200);
        }
    }

    @Test
    void shouldMarkASlowEndpointDegraded() {
        ComponentState slow = awaitStatus("probe-slow", ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(slow.cause()).isEqualTo("probe-slow-http");
        assertThat(slow.detail()).startsWith("HTTP 200 from http://127.0.0.1:" + port + "/slow in ");
        assertThat(store.signals().stream().filter(m -> "probe-slow-http".equals(m.payload().get("check"))))
                .allSatisfy(m -> assertThat(Long.parseLong(m.payload().get("latency_ms"))).isGreaterThanOrEqualTo(390));
    }

    @Test
    void shouldSayWhenAnEndpointTimedOut() {
        ComponentState down = awaitStatus("probe-timeout", ComponentStatus.MAJOR_OUTAGE);
        assertThat(down.detail()).startsWith("timed out after 300ms");
    }

    @Test
    void shouldSayWhenTheConnectionWasRefused() {
        ComponentState down = awaitStatus("probe-refused", ComponentStatus.MAJOR_OUTAGE);
        assertThat(down.detail()).matches("connection refused: 127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void shouldSayWhenTheBodyLacksTheKeyword() {
        ComponentState down = awaitStatus("probe-body", ComponentStatus.MAJOR_OUTAGE);
        assertThat(down.detail()).startsWith("body does not contain 'OK'");
    }
}
