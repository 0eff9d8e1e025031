package io.herald.api.subscriber;

import static io.herald.api.subscriber.SubscriberTestSupport.ADMIN;
import static io.herald.api.subscriber.SubscriberTestSupport.S;
import static io.herald.api.subscriber.SubscriberTestSupport.deliveries;
import static io.herald.api.subscriber.SubscriberTestSupport.insertWebhookSubscriber;
import static io.herald.api.subscriber.SubscriberTestSupport.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries as a production page runs them: private targets refused at delivery time, not only at sign-up. */
@QuarkusTest
@TestProfile(SubscribeApiTest.Production.class)
class DeliveryTargetGuardTest extends IsolatedTest {
    private static final String REFUSED = "the receiver's host now resolves to a private address %s; deliveries "
            + "there are refused unless an operator allows private targets";

    @Inject
    NotificationOutbox outbox;

    @Inject
    DeliveryTargetGuard guard;

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
        SubscriberTestSupport.emptySubscriberTables();
    }

    @Test
    void shouldFailADeliveryToAPrivateAddressOnceAndNeverSendIt() throws Exception {
        // subscribed while private targets were allowed; this page now refuses them
        long id = insertWebhookSubscriber(receiver.url("/intranet"));

        record(outbox, NotificationType.INCIDENT_OPENED, "incident:20:opened", List.of(), Map.of("id", 20));

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries("state = 'failed'") == 1);
        // ten dispatcher rounds (poll interval 100 ms): a retry would have been sent or counted by then
        await("the local receiver sees nothing and the refusal is not retried").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> receiver.received("/intranet").isEmpty() && deliveries("attempts = 1") == 1);
        assertThat(TestStores.string("SELECT last_error FROM " + S + "notification_delivery"))
                .isEqualTo(REFUSED.formatted("127.0.0.1"));
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers/" + id + "/deliveries")
                .then().statusCode(200)
                .body("[0].state", equalTo("failed"))
                .body("[0].last_error", equalTo(REFUSED.formatted("127.0.0.1")))
                .body("[0].next_attempt_at", nullValue())
                .body("[0].attempt_log.size()", equalTo(1))
                .body("[0].attempt_log[0].outcome", equalTo("failed"))
                .body("[0].attempt_log[0].error", equalTo(REFUSED.formatted("127.0.0.1")))
                .body("[0].attempt_log[0].next_attempt_at", nullValue());
    }

    @Test
    void shouldJudgeTheResolvedAddressesByTheSetting() throws Exception {
        Object[][] cases = {
                // addresses, private targets allowed, refused because of
                {new String[] {"93.184.216.34"}, false, null},
                {new String[] {"10.1.2.3"}, false, "10.1.2.3"},
                {new String[] {"93.184.216.34", "192.168.0.9"}, false, "192.168.0.9"},
                {new String[] {"::1"}, false, "0:0:0:0:0:0:0:1"},
                {new String[] {"169.254.169.254"}, false, "169.254.169.254"},
                {new String[] {"10.1.2.3"}, true, null},
                {new String[] {"127.0.0.1"}, true, null},
        };
        for (Object[] c : cases) {
            String[] names = (String[]) c[0];
            InetAddress[] addresses = new InetAddress[names.length];
            for (int i = 0; i < names.length; i++) {
                addresses[i] = InetAddress.getByName(names[i]);
            }
            DeliveryTargetGuard.Verdict verdict = DeliveryTargetGuard.judge(addresses, (Boolean) c[1]);
            if (c[2] == null) {
                assertThat(verdict.refused()).as(String.join(",", names)).isFalse();
                assertThat(verdict.address()).isEqualTo(addresses[0]);
            } else {
                assertThat(verdict.refusal()).as(String.join(",", names)).isEqualTo(REFUSED.formatted(c[2]));
            }
        }
    }

    @Test
    void shouldResolveTheHostOfTheUrlForBothSettings() {
        String url = receiver.url("/hook");
        DeliveryTargetGuard.Verdict refused = guard.check(url, false).await().atMost(Duration.ofSeconds(5));
        assertThat(refused.refusal()).isEqualTo(REFUSED.formatted("127.0.0.1"));
        DeliveryTargetGuard.Verdict allowed = guard.check(url, true).await().atMost(Duration.ofSeconds(5));
        assertThat(allowed.refused()).isFalse();
        assertThat(allowed.address().getHostAddress()).isEqualTo("127.0.0.1");
    }
}
