package io.herald.api.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * bench/subscribers.sh: one incident update to 10,000 webhook subscribers served by one local receiver; prints the
 * time until all are delivered and the memory used. Runs only with -Dherald.bench=true.
 */
@QuarkusTest
@TestProfile(SubscribersBenchmark.Bench.class)
@EnabledIfSystemProperty(named = "herald.bench", matches = "true")
class SubscribersBenchmark extends IsolatedTest {
    private static final int SUBSCRIBERS = Integer.getInteger("herald.bench.subscribers", 10_000);
    private static final String S = TestStores.SCHEMA + ".";

    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.subscribers.delivery.per-receiver", System.getProperty("herald.bench.per-receiver", "64"),
                    "herald.subscribers.delivery.concurrency", System.getProperty("herald.bench.concurrency", "256"),
                    "herald.subscribers.delivery.batch", "500",
                    "herald.subscribers.delivery.timeout", "10s",
                    "herald.subscribers.delivery.lease", "60s",
                    "quarkus.log.level", "WARN");
        }
    }

    @Inject
    NotificationOutbox outbox;

    @Test
    void shouldDeliverOneUpdateToTenThousandWebhooks() throws Exception {
        SubscriberTestSupport.emptySubscriberTables();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestStores.sql("INSERT INTO " + S + "subscriber (kind, target, whole_page, confirmed, "
                    + "unsubscribe_token_sha256, secret, created_by) SELECT 'webhook', '" + receiver.url("/hook")
                    + "?n=' || n, TRUE, TRUE, md5(n::text), 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'bench' "
                    + "FROM generate_series(1, " + SUBSCRIBERS + ") n");
            System.gc();
            long heapBefore = usedHeap();
            Instant start = Instant.now();
            SubscriberTestSupport.record(outbox, NotificationType.INCIDENT_UPDATED, "bench:" + start,
                    List.of("smtp"), Map.of("id", 1, "name", "ActiveSync: some users cannot connect",
                            "status", "identified", "body", "A change at the mail provider prevents some connections."));
            AtomicLong peak = new AtomicLong(heapBefore);
            // each poll also samples the heap
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
                peak.accumulateAndGet(usedHeap(), Math::max);
                return delivered() >= SUBSCRIBERS;
            });
            Duration took = Duration.between(start, Instant.now());
            long peakHeap = peak.get();
            String report = """
                    subscribers bench: %d webhook subscribers, one event, one local receiver
                      delivered:          %d (receiver got %d requests)
                      time to all:        %d ms (%.0f deliveries/s)
                      heap used:          %d MiB before, %d MiB peak during delivery (sampled every 50 ms)
                      process peak RSS:   %d MiB (test JVM: status-api, the receiver and the test together)
                      settings:           per-receiver %s, concurrency %s, batch 500
                    """.formatted(SUBSCRIBERS, delivered(), receiver.all().size(), took.toMillis(),
                    SUBSCRIBERS * 1000.0 / Math.max(1, took.toMillis()), heapBefore >> 20, peakHeap >> 20,
                    peakRssKib() >> 10, System.getProperty("herald.bench.per-receiver", "64"),
                    System.getProperty("herald.bench.concurrency", "256"));
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-subscribers.txt"), report);
            assertThat(delivered()).isEqualTo(SUBSCRIBERS);
            assertThat(receiver.all()).hasSize(SUBSCRIBERS);
        }
    }

    private static long delivered() {
        return TestStores.count("SELECT count(*) FROM " + S + "notification_delivery WHERE state = 'delivered'");
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakRssKib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
