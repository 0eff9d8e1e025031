package io.herald.api.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.quarkus.redis.datasource.stream.PendingMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryTest extends IsolatedTest {
    private static final String TABLE = TestStores.SCHEMA + ".status_change";

    @Test
    void shouldRecordEveryChangeAndServeItNewestFirst() {
        String down = evaluator.change("smtp", null, ComponentStatus.MAJOR_OUTAGE, "smtp-monitor", "connection refused");
        String up = evaluator.change("smtp", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");

        await().atMost(Duration.ofSeconds(5)).until(() -> rows("component_id = 'smtp'") == 2);

        assertThat(TestStores.string("SELECT to_status FROM " + TABLE + " WHERE stream_id = '" + down + "'"))
                .isEqualTo("major_outage");
        assertThat(TestStores.string("SELECT from_status FROM " + TABLE + " WHERE stream_id = '" + down + "'"))
                .isNull();
        given().get("/api/v1/components/smtp/history").then().statusCode(200)
                .header("ETag", containsString("\""))
                .header("Cache-Control", "public, max-age=5")
                .body("component", equalTo("smtp"))
                .body("name", equalTo("SMTP submission"))
                .body("changes", hasSize(2))
                .body("changes[0].id", equalTo(up))
                .body("changes[0].from", equalTo("major_outage"))
                .body("changes[0].to", equalTo("operational"))
                .body("changes[1].id", equalTo(down))
                .body("changes[1].from", nullValue())
                .body("changes[1].cause", equalTo("smtp-monitor"))
                .body("changes[1].detail", equalTo("connection refused"));
        given().queryParam("limit", 1).get("/api/v1/components/smtp/history").then().statusCode(200)
                .body("changes", hasSize(1)).body("changes[0].id", equalTo(up));
        assertThat(pendingOfGroup()).isZero();
    }

    @Test
    void shouldNotStoreARedeliveredEntryTwice() {
        // The row of this entry was committed by an earlier delivery whose XACK was lost.
        // An explicit id newer than every entry so far (auto ids use the millisecond clock and sequence 0, 1...).
        String id = System.currentTimeMillis() + "-999999";
        TestStores.sql("INSERT INTO " + TABLE + " (stream_id, component_id, from_status, to_status, changed_at, "
                + "cause, detail) VALUES ('" + id + "', 'imap', NULL, 'partial_outage', now(), 'imap-monitor', "
                + "'first delivery')");
        StatusChange change = new StatusChange("imap", null, ComponentStatus.PARTIAL_OUTAGE, Instant.now(),
                "imap-monitor", "second delivery");

        redis.execute("XADD", evaluator.keys().changes(), id, RedisKeys.CHANGE_FIELD, HeraldJson.write(change));

        await().atMost(Duration.ofSeconds(5)).until(() -> lastDeliveredIsAcked(id));
        assertThat(rows("stream_id = '" + id + "'")).isEqualTo(1);
        assertThat(TestStores.string("SELECT detail FROM " + TABLE + " WHERE stream_id = '" + id + "'"))
                .isEqualTo("first delivery");
    }

    @Test
    void shouldStoreOnceWhenTheWholeStreamIsDeliveredAgain() {
        String id = evaluator.change("intranet", null, ComponentStatus.DEGRADED_PERFORMANCE, "intranet-monitor", "slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> rows("stream_id = '" + id + "'") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> lastDeliveredIsAcked(id));
        long before = rows("true");

        // Rewind the group: every entry of the stream is delivered again.
        redis.execute("XGROUP", "SETID", evaluator.keys().changes(), RedisKeys.HISTORY_GROUP, "0");
        String next = evaluator.change("intranet", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL,
                "", "");

        await().atMost(Duration.ofSeconds(5)).until(() -> rows("stream_id = '" + next + "'") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> lastDeliveredIsAcked(next));
        assertThat(rows("true")).isEqualTo(before + 1);
        assertThat(rows("stream_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void shouldKeepChangesPendingWhilePostgresRefusesAndStoreThemAfterwards() {
        // PostgreSQL cannot store: the table is out of the way, every insert fails.
        TestStores.sql("ALTER TABLE " + TABLE + " RENAME TO status_change_away");
        String id;
        try {
            id = evaluator.change("webmail", null, ComponentStatus.PARTIAL_OUTAGE, "webmail-monitor", "while db down");
            // each failed attempt reads the entry again from the pending list: it is tried, never acknowledged
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(pendingOfGroup()).as("not acknowledged while it cannot be stored").isEqualTo(1);
                assertThat(deliveriesOf(id)).as("times the consumer read it").isGreaterThanOrEqualTo(3);
            });
        } finally {
            TestStores.sql("ALTER TABLE " + TestStores.SCHEMA + ".status_change_away RENAME TO status_change");
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> rows("stream_id = '" + id + "'") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingOfGroup() == 0);
        assertThat(TestStores.string("SELECT detail FROM " + TABLE + " WHERE stream_id = '" + id + "'"))
                .isEqualTo("while db down");
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownComponent() {
        given().get("/api/v1/components/no-such-thing/history").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("type", containsString("not-found"))
                .body("detail", containsString("'no-such-thing'"));
    }

    @Test
    void shouldAnswer400ProblemForABadLimit() {
        for (String limit : new String[] {"abc", "0", "-3", "501", "1.5"}) {
            given().queryParam("limit", limit).get("/api/v1/components/smtp/history").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("type", equalTo("https://herald.io/problems/bad-limit"))
                    .body("title", equalTo("Bad limit"))
                    .body("field", equalTo("limit"))
                    .body("detail", equalTo("The limit '" + limit + "' is not a whole number between 1 and 500."));
        }
    }

    private static long rows(String where) {
        return TestStores.count("SELECT count(*) FROM " + TABLE + " WHERE " + where);
    }

    private long pendingOfGroup() {
        return redis.stream(String.class).xpending(evaluator.keys().changes(), RedisKeys.HISTORY_GROUP)
                .getPendingCount();
    }

    private int deliveriesOf(String id) {
        return redis.stream(String.class).xpending(evaluator.keys().changes(), RedisKeys.HISTORY_GROUP,
                StreamRange.of(id, id), 1).stream().mapToInt(PendingMessage::getDeliveryCount).sum();
    }

    private boolean lastDeliveredIsAcked(String id) {
        for (var group : redis.execute("XINFO", "GROUPS", evaluator.keys().changes())) {
            Map<String, String> info = new java.util.HashMap<>();
            for (String key : group.getKeys()) {
                info.put(key, String.valueOf(group.get(key)));
            }
            if (RedisKeys.HISTORY_GROUP.equals(info.get("name"))) {
                return id.equals(info.get("last-delivered-id")) && "0".equals(info.get("pending"));
            }
        }
        return false;
    }
}
