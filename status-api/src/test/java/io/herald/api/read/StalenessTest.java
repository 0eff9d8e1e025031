package io.herald.api.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.SseClient;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentState;
import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the read model shows for a status that is the last known one, and what a refresh does and does not do. */
@QuarkusTest
class StalenessTest extends IsolatedTest {
    private static final String S = TestStores.SCHEMA + ".";
    private static final String SILENT = "no recent data from smtp-monitor since 09:00 UTC";

    @TestHTTPResource("/api/v1/stream")
    URI stream;

    @BeforeEach
    void clean() {
        cleanSlate();
    }

    @Test
    void shouldShowAStaleStateWithItsWordsFromALiveChangeAndFromTheHash() {
        evaluator.staleChange("imap", null, ComponentStatus.DEGRADED_PERFORMANCE, "imap-monitor",
                "no recent data from imap-monitor since 08:00 UTC");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(component("imap"))
                .containsEntry("status", "degraded_performance").containsEntry("stale", true)
                .containsEntry("stale_detail", "no recent data from imap-monitor since 08:00 UTC"));

        // A state written to the hash without notice is read as it is, stale words included.
        redis.hash(String.class).hset(evaluator.keys().currentStatus(), "intranet", HeraldJson.write(
                new ComponentState("intranet", ComponentStatus.DEGRADED_PERFORMANCE, Instant.now(), "intranet-monitor",
                        "", true, "no recent data from intranet-monitor since 07:00 UTC")));
        feed.resync().await().atMost(Duration.ofSeconds(5));
        assertThat(component("intranet")).containsEntry("stale", true)
                .containsEntry("stale_detail", "no recent data from intranet-monitor since 07:00 UTC")
                .containsEntry("evaluated", true);
        assertThat(component("smtp")).containsEntry("stale", false).containsEntry("stale_detail", "");
    }

    @Test
    void shouldShowAndStreamARefreshButNeitherRecordCountNotifyNorTouchTheIncident() throws Exception {
        String down = evaluator.change("smtp", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE,
                "smtp-monitor", "connection refused");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("incident_update") == 1
                && count("notification_event") == 2 && count("status_change") == 1);
        String since = (String) component("smtp").get("since");
        String cursorBefore = TestStores.string("SELECT since::text FROM " + S + "uptime_cursor");

        String refresh;
        try (SseClient client = SseClient.open(stream, null)) {
            refresh = evaluator.refresh("smtp", ComponentStatus.MAJOR_OUTAGE, "smtp-monitor", true, SILENT);
            SseClient.Event event = client.next(Duration.ofSeconds(3));
            assertThat(event.id()).isEqualTo(refresh);
            LiveNotice notice = HeraldJson.read(event.data(), LiveNotice.class);
            assertThat(notice.change().isRefresh()).isTrue();
            assertThat(notice.change().stale()).isTrue();
        }
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(component("smtp"))
                .containsEntry("status", "major_outage").containsEntry("stale", true)
                .containsEntry("stale_detail", SILENT).containsEntry("since", since));

        // A later real change: once it is recorded, the refresh before it in the stream has been consumed.
        String after = evaluator.change("intranet", null, ComponentStatus.DEGRADED_PERFORMANCE, "intranet-monitor",
                "slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> TestStores.count("SELECT count(*) FROM " + S
                + "status_change WHERE stream_id = '" + after + "'") == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);
        assertThat(TestStores.count("SELECT count(*) FROM " + S + "status_change WHERE stream_id = '" + refresh
                + "'")).as("the refresh is no history").isZero();
        assertThat(count("incident_update")).as("nor an incident update").isEqualTo(1);
        assertThat(count("notification_event")).as("only the intranet change is told").isEqualTo(3);
        assertThat(TestStores.string("SELECT since::text FROM " + S + "uptime_cursor WHERE component_id = 'smtp'"))
                .as("nor a new interval of uptime").isEqualTo(cursorBefore);
        given().get("/api/v1/components/smtp/history").then().statusCode(200)
                .body("changes.size()", equalTo(1)).body("changes[0].id", equalTo(down));

        // The monitor speaks again: fresh, same status.
        evaluator.refresh("smtp", ComponentStatus.MAJOR_OUTAGE, "smtp-monitor", false, "");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(component("smtp"))
                .containsEntry("stale", false).containsEntry("stale_detail", ""));
    }

    @Test
    void shouldShowTheLastRecordedStatusOfAComponentTheHashDoesNotHold() {
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        TestStores.sql("INSERT INTO " + S + "status_change (stream_id, component_id, from_status, to_status, "
                + "changed_at, cause, detail) VALUES ('1-1', 'webmail', NULL, 'partial_outage', '" + at.minusSeconds(60)
                + "', 'webmail-monitor', 'older'), ('1-2', 'webmail', 'partial_outage', 'major_outage', '" + at
                + "', 'webmail-monitor', 'HTTP 503')");
        overlay.refreshNow().await().atMost(Duration.ofSeconds(5));

        Map<String, Object> webmail = component("webmail");
        assertThat(webmail).containsEntry("status", "major_outage").containsEntry("evaluated", true)
                .containsEntry("stale", true).containsEntry("cause", "webmail-monitor")
                .containsEntry("detail", "HTTP 503")
                .containsEntry("stale_detail", StaleWords.noLiveDataSince(at, Instant.now()));
        assertThat(OffsetDateTime.parse((String) webmail.get("since")).toInstant()).isEqualTo(at);
        // v2 has no staleness: the same last known status, and the page's indicator follows it (webmail is critical).
        given().get("/api/v2/summary.json").then().statusCode(200)
                .body("components.find { it.id == 'webmail' }.status", equalTo("major_outage"))
                .body("status.indicator", equalTo("critical"));
        // Never evaluated and no history: a fresh install's component, operational.
        assertThat(component("intranet")).containsEntry("status", "operational").containsEntry("evaluated", false)
                .containsEntry("stale", false);

        // Once the evaluator judges it, the live state wins.
        evaluator.change("webmail", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(component("webmail"))
                .containsEntry("status", "operational").containsEntry("stale", false));
    }

    private long count(String table) {
        return TestStores.count("SELECT count(*) FROM " + S + table);
    }

    private long pending() {
        return redis.stream(String.class).xpending(evaluator.keys().changes(), RedisKeys.HISTORY_GROUP)
                .getPendingCount();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> component(String id) {
        JsonPath v1 = given().get("/api/v1/status").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> services = v1.getList("services");
        return services.stream().flatMap(s -> ((List<Map<String, Object>>) s.get("components")).stream())
                .filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    }
}
