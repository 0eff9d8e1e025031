package io.herald.api.subscriber;

import static io.herald.api.subscriber.SubscriberTestSupport.ADMIN;
import static io.herald.api.subscriber.SubscriberTestSupport.S;
import static io.herald.api.subscriber.SubscriberTestSupport.subscribeWebhook;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incidents and maintenances reach webhook subscribers through the outbox, once, and only those concerned. */
@QuarkusTest
class IncidentEventsTest extends IsolatedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryDispatcher dispatcher;

    private WebhookReceiver receiver;

    @BeforeAll
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    void stopReceiver() throws Exception {
        receiver.close();
    }

    @BeforeEach
    void emptyTables() {
        cleanSlate();
        dispatcher.start();
        SubscriberTestSupport.emptySubscriberTables();
    }

    @Test
    void shouldTellTheSubscribersOfTheComponentAnAutomaticIncidentOpenedThenResolved() throws Exception {
        String smtpPath = "/smtp-team-" + System.nanoTime();
        String imapPath = "/imap-team-" + System.nanoTime();
        subscribeWebhook(receiver.url(smtpPath), List.of("smtp"), false);
        String imapTeam = String.valueOf(subscribeWebhook(receiver.url(imapPath), List.of("imap"), false)
                .<Object>path("id"));

        evaluator.change("smtp", ComponentStatus.OPERATIONAL, ComponentStatus.PARTIAL_OUTAGE, "smtp-monitor",
                "connection refused on port 587");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(smtpPath).size() == 1);
        JsonNode opened = body(smtpPath, 0);
        assertThat(opened.path("type").asText()).isEqualTo("incident.opened");
        String id = opened.path("data").path("id").asText();
        assertThat(opened.path("data").path("name").asText()).isEqualTo("SMTP submission: some users cannot connect");
        assertThat(opened.path("data").path("status").asText()).isEqualTo("investigating");
        assertThat(opened.path("data").path("automatic").asBoolean()).isTrue();
        assertThat(opened.path("data").path("components").get(0).path("id").asText()).isEqualTo("smtp");
        assertThat(opened.path("data").path("incident_updates").get(0).path("body").asText())
                .contains("connection refused on port 587");

        evaluator.change("smtp", ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.OPERATIONAL, "", "");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(smtpPath).size() == 2);
        JsonNode resolved = body(smtpPath, 1);
        assertThat(resolved.path("type").asText()).isEqualTo("incident.resolved");
        assertThat(resolved.path("data").path("id").asText()).isEqualTo(id);
        assertThat(resolved.path("data").path("status").asText()).isEqualTo("resolved");

        await("each event once; the imap team does not hear about smtp").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.received(smtpPath).size() == 2 && receiver.received(imapPath).isEmpty());
        assertThat(TestStores.count("SELECT count(*) FROM " + S + "notification_delivery WHERE subscriber_id = "
                + imapTeam)).isZero();
        assertThat(TestStores.string("SELECT string_agg(dedupe_key, ' ' ORDER BY id) FROM " + S
                + "notification_event WHERE type LIKE 'incident.%'"))
                .isEqualTo("incident.opened:" + id + " incident.resolved:" + id);
    }

    @Test
    void shouldTellAnOperatorsUpdateOnceUnderAStableKey() throws Exception {
        String path = "/helpdesk-" + System.nanoTime();
        subscribeWebhook(receiver.url(path), List.of(), false);
        String id = createIncident(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(path).size() == 1);
        assertThat(body(path, 0).path("type").asText()).isEqualTo("incident.opened");

        String updateId = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("status", "identified", "body", "The relay's certificate expired."))
                .post("/api/v1/admin/incidents/" + id + "/updates")
                .then().statusCode(201).extract().path("incident_updates[0].id");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(path).size() == 2);
        JsonNode updated = body(path, 1);
        assertThat(updated.path("type").asText()).isEqualTo("incident.updated");
        assertThat(updated.path("data").path("status").asText()).isEqualTo("identified");
        assertThat(updated.path("data").path("incident_updates").get(0).path("body").asText())
                .isEqualTo("The relay's certificate expired.");
        assertThat(TestStores.count("SELECT count(*) FROM " + S + "notification_event WHERE dedupe_key = "
                + "'incident.updated:" + id + ":" + updateId + "'")).isEqualTo(1);
    }

    @Test
    void shouldSendNothingWhenDeliverNotificationsIsFalse() throws Exception {
        String path = "/quiet-" + System.nanoTime();
        subscribeWebhook(receiver.url(path), List.of(), false);
        String id = createIncident(false);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("status", "monitoring", "body", "Watching.", "deliver_notifications", false))
                .post("/api/v1/admin/incidents/" + id + "/updates").then().statusCode(201);
        assertThat(TestStores.count("SELECT count(*) FROM " + S + "notification_event WHERE type LIKE 'incident.%'"))
                .as("the quiet incident and update record no event").isZero();

        // a later update that is delivered: once it has arrived, the quiet ones before it would have too
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("status", "resolved", "body", "Mail flows again."))
                .post("/api/v1/admin/incidents/" + id + "/updates").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received(path).isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.received(path).size() == 1);
        assertThat(body(path, 0).path("data").path("status").asText()).isEqualTo("resolved");
    }

    @Test
    void shouldTellAMaintenanceScheduledStartedAndCompletedOnTime() throws Exception {
        String path = "/imap-team-" + System.nanoTime();
        String other = "/webmail-team-" + System.nanoTime();
        subscribeWebhook(receiver.url(path), List.of("imap"), false);
        subscribeWebhook(receiver.url(other), List.of("webmail"), false);
        OffsetDateTime now = OffsetDateTime.now();
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Mail upgrade", "body", "Mail may pause.", "scheduled_for",
                        now.plusSeconds(2).toString(), "scheduled_until", now.plusSeconds(4).toString(),
                        "components", List.of("imap")))
                .post("/api/v1/admin/maintenances").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received(path).size() == 3);
        assertThat(List.of(body(path, 0), body(path, 1), body(path, 2)))
                .extracting(b -> b.path("type").asText())
                .containsExactly("maintenance.scheduled", "maintenance.started", "maintenance.completed");
        JsonNode completed = body(path, 2);
        assertThat(completed.path("data").path("id").asText()).isEqualTo(id);
        assertThat(completed.path("data").path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("data").path("scheduled_for").asText()).isNotBlank();
        assertThat(body(path, 1).path("data").path("status").asText()).isEqualTo("in_progress");
        await("verifying tells nobody; each move once; the webmail team hears nothing").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.received(path).size() == 3 && receiver.received(other).isEmpty());
    }

    private static String createIncident(boolean deliverNotifications) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Outgoing mail delayed", "status", "investigating", "impact", "minor", "body",
                        "Mail leaves late.", "components", Map.of("smtp", "degraded_performance"),
                        "deliver_notifications", deliverNotifications))
                .post("/api/v1/admin/incidents").then().statusCode(201).extract().path("id");
    }

    private JsonNode body(String path, int index) throws Exception {
        return JSON.readTree(receiver.received(path).get(index).body());
    }
}
