package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.ingest.support.TestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On a group of its own: which consumers are forgotten, and which never are. */
@QuarkusTest
class DeadConsumersTest {
    @Inject
    RedisDataSource redis;

    @Inject
    DeadConsumers dead;

    final String stream = TestEnvironment.PREFIX + "dead-consumers-test:" + UUID.randomUUID();

    @AfterEach
    void deleteStream() {
        redis.key().del(stream);
    }

    private List<String> consumers() {
        String names = "local out = {} for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do "
                + "for i = 1, #c, 2 do if c[i] == 'name' then out[#out + 1] = c[i + 1] end end end return out";
        List<String> found = new ArrayList<>();
        redis.execute("EVAL", names, "1", stream, "g").forEach(name -> found.add(name.toString()));
        return found;
    }

    @Test
    void shouldForgetOnlyIdleConsumersThatHoldNothingAndNeverTheCaller() {
        redis.execute("XADD", stream, "*", "check", "x");
        redis.execute("XGROUP", "CREATE", stream, "g", "0");
        redis.execute("XGROUP", "CREATECONSUMER", stream, "g", "gone");
        redis.execute("XGROUP", "CREATECONSUMER", stream, "g", "self");
        // "holding" read the entry and never acknowledged it: forgetting it would lose the entry.
        redis.execute("XREADGROUP", "GROUP", "g", "holding", "COUNT", "10", "STREAMS", stream, ">");

        assertThat(dead.forget(stream, "g", "self", Duration.ofHours(1))).as("none idle for an hour").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> dead.forget(stream, "g", "self", Duration.ofMillis(200))
                .contains("gone"));

        assertThat(consumers()).containsExactlyInAnyOrder("holding", "self");
    }
}
