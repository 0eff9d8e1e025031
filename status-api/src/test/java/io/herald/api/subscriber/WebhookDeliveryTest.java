package io.herald.api.subscriber;

import static io.herald.api.subscriber.SubscriberTestSupport.ADMIN;
import static io.herald.api.subscriber.SubscriberTestSupport.S;
import static io.herald.api.subscriber.SubscriberTestSupport.deliveries;
import static io.herald.api.subscriber.SubscriberTestSupport.record;
import static io.herald.api.subscriber.SubscriberTestSupport.subscribeWebhook;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.herald.model.ComponentStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest extends IsolatedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    NotificationOutbox outbox;

    @Inject
    DeliveryDispatcher dispatcher;

    private WebhookReceiver receiver;
    private WebhookReceiver slowReceiver;

    @BeforeAll
    void startReceivers() throws Exception {
        receiver = new WebhookReceiver();
        slowReceiver = new WebhookReceiver();
    }

    @AfterAll
    void stopReceivers() throws Exception {
        dispatcher.start();
        receiver.close();
        slowReceiver.close();
    }

    @BeforeEach
    void emptyTables() {
        dispatcher.start();
        SubscriberTestSupport.emptySubscriberTables();
    }

    @Test
    void shouldSendOneSignedDeliveryAndNeverSendItAgainAfter2xx() throws Exception {
        Response created = subscribeWebhook(receiver.url("/helpdesk"), List.of(), false);
        String secret = created.path("secret");
        assertThat(secret).startsWith("whsec_");

        record(outbox, NotificationType.INCIDENT_OPENED, "incident:1:opened", List.of("smtp"),
                Map.of("id", 1, "name", "ActiveSync: some users cannot connect", "impact", "major"));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/helpdesk").size() == 1);
        WebhookReceiver.Received delivery = receiver.received("/helpdesk").get(0);
        // the Standard Webhooks library checks id, timestamp and signature as any receiver would
        new Webhook(secret).verify(delivery.body(), delivery.headers());
        assertThat(delivery.header("webhook-signature")).isEqualTo(signedFromTheSpec(secret, delivery));
        assertThat(delivery.header("webhook-id"))
                .isEqualTo(TestStores.string("SELECT CAST(id AS text) FROM " + S + "notification_delivery"));
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.get("type").asText()).isEqualTo("incident.opened");
        assertThat(Instant.parse(body.get("occurred_at").asText())).isBefore(Instant.now());
        assertThat(body.get("data").get("name").asText()).isEqualTo("ActiveSync: some users cannot connect");

        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("state = 'delivered'") == 1);
        // the same event recorded again (a redelivered change) and a few more rounds: nothing more is sent
        record(outbox, NotificationType.INCIDENT_OPENED, "incident:1:opened", List.of("smtp"), Map.of("id", 1));
        assertThat(TestStores.count("SELECT count(*) FROM " + S + "notification_event WHERE dedupe_key = "
                + "'incident:1:opened'")).as("recorded once").isEqualTo(1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received("/helpdesk").size() == 1 && deliveries("true") == 1);
    }

    @Test
    void shouldRetryWithTheSameIdUntilTheReceiverRecoversAndLogEveryAttempt() {
        receiver.answer("/flaky", 500, 502, 503, 204);
        long id = subscribeWebhook(receiver.url("/flaky"), List.of(), false).<Integer>path("id").longValue();

        record(outbox, NotificationType.INCIDENT_UPDATED, "incident:2:update:1", List.of(),
                Map.of("id", 2, "status", "identified"));

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries("state = 'delivered'") == 1);
        List<WebhookReceiver.Received> attempts = receiver.received("/flaky");
        assertThat(attempts).extracting(WebhookReceiver.Received::answered).containsExactly(500, 502, 503, 204);
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(attempts.get(0).header("webhook-id"));
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()))
                    .as("retries wait for the next round at least").isPositive();
        }
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers/" + id + "/deliveries")
                .then().statusCode(200)
                .body("[0].type", equalTo("incident.updated"))
                .body("[0].state", equalTo("delivered"))
                .body("[0].attempts", equalTo(4))
                .body("[0].last_status_code", equalTo(204))
                .body("[0].delivered_at", notNullValue());
    }

    @Test
    void shouldLogEveryAttemptWithItsOutcomeStatusCodeAndNextTry() {
        receiver.answer("/attempts", 503, 500, 200);
        long id = subscribeWebhook(receiver.url("/attempts"), List.of(), false).<Integer>path("id").longValue();

        record(outbox, NotificationType.INCIDENT_UPDATED, "incident:9:update:1", List.of(), Map.of("id", 9));

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveries("state = 'delivered'") == 1);
        Response log = given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers/" + id + "/deliveries")
                .then().statusCode(200)
                .body("[0].state", equalTo("delivered"))
                .body("[0].attempts", equalTo(3))
                .body("[0].last_status_code", equalTo(200))
                .extract().response();
        List<Map<String, Object>> attempts = log.jsonPath().getList("[0].attempt_log");
        assertThat(attempts).extracting(a -> a.get("attempt")).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("pending", "pending", "delivered");
        assertThat(attempts).extracting(a -> a.get("status_code")).containsExactly(503, 500, 200);
        assertThat(attempts).extracting(a -> a.get("error"))
                .containsExactly("the receiver answered 503", "the receiver answered 500", null);
        // a retried attempt names its next try, and the next attempt came no earlier than that
        for (int i = 0; i < 2; i++) {
            Instant next = Instant.parse((String) attempts.get(i).get("next_attempt_at"));
            assertThat(next).isAfter(Instant.parse((String) attempts.get(i).get("at")));
            assertThat(Instant.parse((String) attempts.get(i + 1).get("at"))).isAfterOrEqualTo(next);
        }
        assertThat(attempts.get(2).get("next_attempt_at")).isNull();
        assertThat(TestStores.count("SELECT count(*) FROM " + S + "delivery_attempt")).isEqualTo(3);
    }

    @Test
    void shouldShowTheNextTryOfAFailingDeliveryAndUnsubscribeAReceiverThatAnswers410() {
        receiver.answer("/gone", 500, 410);
        long id = subscribeWebhook(receiver.url("/gone"), List.of(), false).<Integer>path("id").longValue();

        record(outbox, NotificationType.MAINTENANCE_SCHEDULED, "maintenance:3:scheduled", List.of(), Map.of("id", 3));

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received("/gone").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("last_status_code = 500") == 1
                || deliveries("state = 'dropped'") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("state = 'dropped'") == 1);
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers")
                .then().statusCode(200)
                .body("find { it.id == " + id + " }.unsubscribe_reason", equalTo("receiver answered 410 Gone"))
                .body("find { it.id == " + id + " }.unsubscribed_at", notNullValue());
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers/" + id + "/deliveries")
                .then().statusCode(200).body("[0].state", equalTo("dropped")).body("[0].last_status_code", equalTo(410))
                .body("[0].attempts", equalTo(2));

        record(outbox, NotificationType.MAINTENANCE_STARTED, "maintenance:3:started", List.of(), Map.of("id", 3));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.received("/gone").size() == 2);
        assertThat(deliveries("true")).isEqualTo(1);
    }

    @Test
    void shouldNotLetASlowReceiverDelayTheOthers() {
        slowReceiver.delay("/slow", 5000);
        for (int i = 0; i < 8; i++) {
            subscribeWebhook(slowReceiver.url("/slow?team=" + i), List.of(), false);
        }
        subscribeWebhook(receiver.url("/quick"), List.of(), false);

        Instant recorded = Instant.now();
        record(outbox, NotificationType.INCIDENT_OPENED, "incident:4:opened", List.of(), Map.of("id", 4));

        await().atMost(Duration.ofSeconds(3)).until(() -> receiver.received("/quick").size() == 1);
        assertThat(Duration.between(recorded, receiver.received("/quick").get(0).at())).isLessThan(Duration.ofSeconds(2));
        // the slow receiver gets at most per-receiver (4) requests at once; they time out and are retried later
        await().atMost(Duration.ofSeconds(3)).until(() -> slowReceiver.received("/slow").size() >= 4);
        assertThat(dispatcher.inFlight()).isLessThanOrEqualTo(4);
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("last_error LIKE '%Timeout%'") >= 1
                || deliveries("last_error IS NOT NULL") >= 1);
    }

    @Test
    void shouldTellComponentChangesOnlyToSubscribersWhoOptedInForThatComponent() {
        subscribeWebhook(receiver.url("/smtp-changes"), List.of("smtp"), true);
        subscribeWebhook(receiver.url("/whole-page"), List.of(), false);
        subscribeWebhook(receiver.url("/intranet-changes"), List.of("intranet"), true);

        // degraded performance opens no automatic incident, so the only incident event is the one recorded here
        evaluator.change("smtp", null, ComponentStatus.DEGRADED_PERFORMANCE, "smtp-monitor", "slow");
        record(outbox, NotificationType.INCIDENT_OPENED, "incident:5:opened", List.of("smtp"), Map.of("id", 5));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/smtp-changes").size() == 2
                && receiver.received("/whole-page").size() == 1);
        assertThat(receiver.received("/smtp-changes")).extracting(r -> JSON.readTree(r.body()).get("type").asText())
                .containsExactlyInAnyOrder("component.status_changed", "incident.opened");
        WebhookReceiver.Received change = receiver.received("/smtp-changes").stream()
                .filter(r -> r.body().contains("component.status_changed")).findFirst().orElseThrow();
        assertThat(change.body()).contains("\"component\":\"smtp\"").contains("\"to\":\"degraded_performance\"");
        assertThat(receiver.received("/whole-page").get(0).body()).contains("incident.opened");
        assertThat(receiver.received("/intranet-changes")).isEmpty();
    }

    @Test
    void shouldLoseNoDeliveryWhenTheDispatcherStopsInTheMiddleOfRetries() {
        receiver.answer("/restart", 500);
        subscribeWebhook(receiver.url("/restart"), List.of(), false);
        record(outbox, NotificationType.INCIDENT_RESOLVED, "incident:6:resolved", List.of(), Map.of("id", 6));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/restart").size() >= 2);

        dispatcher.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.inFlight() == 0);
        int before = receiver.received("/restart").size();
        receiver.answer("/restart", 200);
        // the retry falls due within this window (backoff at most 400 ms): a running dispatcher would send it
        await("nothing is sent while stopped").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received("/restart").size() == before);
        assertThat(deliveries("state = 'pending'")).isEqualTo(1);

        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("state = 'delivered'") == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> receiver.received("/restart").size() == before + 1);
        List<WebhookReceiver.Received> all = receiver.received("/restart");
        assertThat(all.subList(before, all.size())).as("after the restart: one delivery, answered 2xx")
                .extracting(WebhookReceiver.Received::answered).containsExactly(200);
        assertThat(all).extracting(r -> r.header("webhook-id")).containsOnly(all.get(0).header("webhook-id"));
    }

    @Test
    void shouldRetryADeliveryLeasedByAReplicaThatDiedOnlyAfterTheLease() {
        dispatcher.stop();
        subscribeWebhook(receiver.url("/orphan"), List.of(), false);
        record(outbox, NotificationType.INCIDENT_OPENED, "incident:7:opened", List.of(), Map.of("id", 7));
        // another replica fanned the event out, claimed the row and died before sending: its lease runs 3 s more
        TestStores.sql("INSERT INTO " + S + "notification_delivery (event_id, subscriber_id, receiver, attempts, "
                + "lease_until) SELECT e.id, s.id, 'dead-replica', 1, now() + interval '3 seconds' FROM " + S
                + "notification_event e, " + S + "subscriber s");
        TestStores.sql("UPDATE " + S + "notification_event SET fanned_out_at = now()");
        Instant leased = Instant.now();

        dispatcher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/orphan").size() == 1);
        assertThat(Duration.between(leased, receiver.received("/orphan").get(0).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2500));
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("state = 'delivered' AND attempts = 2") == 1);
    }

    @Test
    void shouldConnectToTheCheckedAddressAndKeepTheHostNameInTheHostHeader() {
        // written straight to the table: sign-up wants a dotted name, and localhost is the name this machine resolves
        String url = receiver.url("/named").replace("127.0.0.1", "localhost");
        SubscriberTestSupport.insertWebhookSubscriber(url);

        record(outbox, NotificationType.INCIDENT_OPENED, "incident:8:opened", List.of(), Map.of("id", 8));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/named").size() == 1);
        String port = url.replaceAll("^http://localhost:(\\d+)/.*$", "$1");
        assertThat(receiver.received("/named").get(0).header("host")).isEqualTo("localhost:" + port);
        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries("state = 'delivered'") == 1);
    }

    /** The signature computed from the Standard Webhooks spec with javax.crypto, not with the application's code. */
    private static String signedFromTheSpec(String secret, WebhookReceiver.Received delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + "." + delivery.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
