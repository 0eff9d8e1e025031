package io.herald.api.uptime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UptimeTest extends IsolatedTest {

    @Test
    void shouldCountAnHourOfPartialOutageInTheComponentsUptime() {
        Instant now = Instant.now();
        evaluator.change("imap", null, ComponentStatus.OPERATIONAL, "", "", now.minus(Duration.ofHours(3)));
        evaluator.change("imap", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE, "imap-monitor",
                "login refused", now.minus(Duration.ofHours(2)));
        evaluator.change("imap", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL, "", "",
                now.minus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> TestStores.count(
                "SELECT count(*) FROM " + TestStores.SCHEMA + ".status_change WHERE component_id = 'imap'") == 3);

        JsonPath day = given().queryParam("window", "24h").get("/api/v1/components/imap/uptime").then()
                .statusCode(200).body("component", equalTo("imap")).body("window", equalTo("24h"))
                .extract().jsonPath();
        assertThat(day.getLong("seconds.partial_outage")).isEqualTo(3600);
        assertThat(day.getLong("seconds.operational")).isBetween(7199L, 7260L);
        assertThat(day.getDouble("uptime_percent")).isCloseTo(66.667, within(0.2));

        JsonPath month = given().queryParam("window", "30d").get("/api/v1/components/imap/uptime").then()
                .statusCode(200).extract().jsonPath();
        assertThat(month.getLong("seconds.partial_outage")).isEqualTo(3600);

        JsonPath bars = given().queryParam("days", 3).get("/api/v1/uptime/days").then().statusCode(200)
                .body("time_zone", equalTo("Europe/Paris"))
                .body("days", equalTo(3))
                .body("components", hasSize(4))
                .extract().jsonPath();
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        assertThat(bars.getString("last_day")).isEqualTo(today);
        assertThat(bars.getString("first_day")).isEqualTo(LocalDate.parse(today).minusDays(2).toString());
        List<Object> imapUptime = bars.getList("components.find { it.id == 'imap' }.uptime_percent_by_day");
        assertThat(imapUptime).hasSize(3);
        List<Integer> partialByDay = bars.getList("components.find { it.id == 'imap' }.seconds_by_day.partial_outage");
        assertThat(partialByDay).hasSize(3);
        // Each day's seconds are whole ones, rounded down: an hour that spans local midnight (a run between 00:00
        // and 01:00 in Paris) is split over two days and may sum to a second less.
        assertThat(partialByDay.stream().mapToLong(Integer::longValue).sum()).isBetween(3599L, 3600L);
        assertThat(bars.getMap("components.find { it.id == 'imap' }.seconds_by_day"))
                .as("statuses with no time on any day are left out").doesNotContainKeys("major_outage", "operational");
        List<String> worst = bars.getList("components.find { it.id == 'imap' }.worst_status_by_day");
        assertThat(worst).hasSize(3).contains("partial_outage");
        // The bad hour sits on a day whose figure it lowers.
        int badDay = worst.indexOf("partial_outage");
        assertThat(partialByDay.get(badDay)).isPositive();
        assertThat(((Number) imapUptime.get(badDay)).doubleValue()).isLessThan(100.0);
        assertThat(bars.getString("components.find { it.id == 'imap' }.group_id")).isEqualTo("mail");
        assertThat(bars.getString("components.find { it.id == 'webmail' }.uptime_percent")).isNull();

        // Today's figures move with the clock and the body is recomputed every second here (cache-ttl 1s): each pair
        // of requests is retried until it falls within one body.
        io.restassured.config.RestAssuredConfig plain = io.restassured.RestAssured.config()
                .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String etag = given().header("Accept-Encoding", "gzip").queryParam("days", 3).get("/api/v1/uptime/days")
                    .then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding")
                    .body("days", equalTo(3)).extract().header("ETag");
            assertThat(etag).endsWith("-gzip\"");
            given().header("Accept-Encoding", "gzip").header("If-None-Match", etag).queryParam("days", 3)
                    .get("/api/v1/uptime/days").then().statusCode(304).header("ETag", etag);
            // Without content decoders REST Assured sends no Accept-Encoding: the identity body, with its own tag.
            String identityTag = given().config(plain).queryParam("days", 3).get("/api/v1/uptime/days").then()
                    .statusCode(200).header("Vary", "Accept-Encoding").extract().header("ETag");
            assertThat(identityTag).isEqualTo(etag.replace("-gzip", ""));
            given().config(plain).header("If-None-Match", identityTag).queryParam("days", 3)
                    .get("/api/v1/uptime/days").then().statusCode(304);
        });
    }

    @Test
    void shouldAnswer400ProblemsNamingTheBadField() {
        given().queryParam("window", "2w").get("/api/v1/components/imap/uptime").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Bad window"));
        given().queryParam("days", "0").get("/api/v1/uptime/days").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Bad days"));
        given().get("/api/v1/components/nope/uptime").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("from", "yesterday").get("/api/v1/components/imap/history").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Bad from"));
    }

    @Test
    void shouldFilterHistoryByTime() {
        Instant now = Instant.now();
        evaluator.change("intranet", null, ComponentStatus.DEGRADED_PERFORMANCE, "intranet-monitor", "slow",
                now.minus(Duration.ofDays(2)));
        evaluator.change("intranet", ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL, "", "",
                now.minus(Duration.ofDays(1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> TestStores.count(
                "SELECT count(*) FROM " + TestStores.SCHEMA + ".status_change WHERE component_id = 'intranet'") == 2);

        given().queryParam("from", now.minus(Duration.ofHours(36)).toString().replace("Z", "+00:00"))
                .get("/api/v1/components/intranet/history").then().statusCode(200)
                .body("changes", hasSize(1)).body("changes[0].to", equalTo("operational"));
        given().queryParam("to", now.minus(Duration.ofHours(36)).toString().replace("Z", "+00:00"))
                .get("/api/v1/components/intranet/history").then().statusCode(200)
                .body("changes", hasSize(1)).body("changes[0].to", equalTo("degraded_performance"));
    }
}
