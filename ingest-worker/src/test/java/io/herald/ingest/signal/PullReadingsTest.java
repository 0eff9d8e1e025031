package io.herald.ingest.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.CheckOutcome;
import io.herald.model.RedisKeys;
import io.herald.model.Signal;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a pull records: each new reading of its upstream once, a reading that comes back again, a repeat never. */
@QuarkusTest
class PullReadingsTest {
    @Inject
    SignalLog signals;

    @Inject
    RedisDataSource redis;

    @Inject
    RedisKeys keys;

    @Test
    void shouldRecordAVendorGoingDegradedAndOperationalAgainButNoRepeat() {
        // A check of its own (not in the catalog: nothing evaluates it), so only this test's readings are counted.
        String check = "pull-readings-" + UUID.randomUUID();
        String operational = "Exchange Online|serviceoperational";
        String degraded = "Exchange Online|servicedegradation|EX226792@2026-12-06T08:20:00Z";

        SignalLog.Appended first = read(check, operational, CheckOutcome.UP);
        SignalLog.Appended repeat = read(check, operational, CheckOutcome.UP);
        SignalLog.Appended worse = read(check, degraded, CheckOutcome.DEGRADED);
        SignalLog.Appended back = read(check, operational, CheckOutcome.UP);

        assertThat(first.duplicate()).isFalse();
        assertThat(repeat.duplicate()).as("the same reading again").isTrue();
        assertThat(worse.duplicate()).isFalse();
        assertThat(back.duplicate()).as("operational again after the vendor's incident").isFalse();
        assertThat(redis.hash(String.class).hget(keys.heard(), check)).as("the repeat was heard").isNotNull();
        long recorded = redis.stream(String.class).xrange(keys.signals(),
                        io.quarkus.redis.datasource.stream.StreamRange.of(first.entryId(), "+")).stream()
                .filter(m -> check.equals(m.payload().get("check"))).count();
        assertThat(recorded).as("readings in the signals stream").isEqualTo(3);
    }

    private SignalLog.Appended read(String check, String reading, CheckOutcome outcome) {
        return signals.appendIfChanged(new Signal(SignalIds.of(check + ":" + reading), "pull", check, outcome, null,
                reading, Instant.now()), reading).await().atMost(Duration.ofSeconds(10));
    }
}
