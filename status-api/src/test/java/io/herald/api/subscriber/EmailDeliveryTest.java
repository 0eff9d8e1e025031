package io.herald.api.subscriber;

import static io.herald.api.subscriber.SubscriberTestSupport.ADMIN;
import static io.herald.api.subscriber.SubscriberTestSupport.S;
import static io.herald.api.subscriber.SubscriberTestSupport.deliveries;
import static io.herald.api.subscriber.SubscriberTestSupport.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mails go through a real postfix into a real mailbox; the test reads it as the subscriber would. */
@QuarkusTest
@WithTestResource(value = PostfixResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EmailDeliveryTest extends IsolatedTest {
    private static final Pattern LINK = Pattern.compile("http://\\S+/api/v1/subscribers/(confirm|unsubscribe)\\?token=[A-Za-z0-9_%-]+");

    @Inject
    NotificationOutbox outbox;

    @BeforeEach
    void emptyTables() {
        SubscriberTestSupport.emptySubscriberTables();
    }

    @Test
    void shouldConfirmByMailThenDeliverWithAWorkingUnsubscribeLink() throws Exception {
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "email", "email", "helpdesk@herald.test", "components", List.of("smtp")))
                .post("/api/v1/subscribers")
                .then().statusCode(202).body("confirmed", equalTo(false));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "email", "email", "never-confirms@herald.test"))
                .post("/api/v1/subscribers")
                .then().statusCode(202);

        String confirmation = awaitMail("To: helpdesk@herald.test", "Confirm your subscription");
        String confirmLink = link(confirmation, "confirm");
        given().get(confirmLink).then().statusCode(200).body("confirmed", equalTo(true));
        given().get(confirmLink).then().statusCode(404);

        record(outbox, NotificationType.INCIDENT_OPENED, "incident:11:opened", List.of("smtp"),
                Map.of("id", 11, "name", "Mail cannot be sent", "impact", "major"));
        String notification = awaitMail("To: helpdesk@herald.test", "Incident opened: Mail cannot be sent");
        assertThat(notification).contains("List-Unsubscribe: <http");
        assertThat(mails()).filteredOn(mail -> mail.contains("To: helpdesk@herald.test"))
                .filteredOn(mail -> mail.contains("Incident opened")).hasSize(1);
        assertThat(mails()).as("the address that never confirmed got its confirmation mail and nothing else")
                .filteredOn(mail -> mail.contains("To: never-confirms@herald.test")).hasSize(1)
                .allMatch(mail -> mail.contains("Confirm your subscription"));

        given().get(link(notification, "unsubscribe")).then().statusCode(200).body("unsubscribed", equalTo(true));
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers").then().statusCode(200)
                .body("find { it.target == 'helpdesk@herald.test' }.unsubscribed_at", notNullValue());
        record(outbox, NotificationType.INCIDENT_RESOLVED, "incident:11:resolved", List.of("smtp"), Map.of("id", 11));
        // once the event is fanned out its deliveries are fixed: none means no mail can follow
        String resolved = "(SELECT id FROM " + S + "notification_event WHERE dedupe_key = 'incident:11:resolved')";
        await().atMost(Duration.ofSeconds(10)).until(() -> TestStores.count("SELECT count(*) FROM " + S
                + "notification_event WHERE dedupe_key = 'incident:11:resolved' AND fanned_out_at IS NOT NULL") == 1);
        assertThat(deliveries("event_id = " + resolved)).as("nobody is to hear about it").isZero();
        assertThat(mails()).filteredOn(mail -> mail.contains("Incident resolved")).isEmpty();
    }

    @Test
    void shouldMailATeamAnOperatorSubscribedWithoutConfirmation() throws Exception {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "email", "email", "team@herald.test"))
                .post("/api/v1/admin/subscribers")
                .then().statusCode(201).body("confirmed", equalTo(true)).body("created_by", equalTo("token:subscriber-tests"));

        record(outbox, NotificationType.MAINTENANCE_SCHEDULED, "maintenance:12:scheduled", List.of(),
                Map.of("id", 12, "name", "Mail server upgrade"));

        String mail = awaitMail("To: team@herald.test", "Maintenance scheduled: Mail server upgrade");
        assertThat(link(mail, "unsubscribe")).contains("/api/v1/subscribers/unsubscribe?token=");
        assertThat(mails()).filteredOn(m -> m.contains("To: team@herald.test")).hasSize(1);
    }

    private static String awaitMail(String... parts) {
        List<String> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            found.clear();
            mails().stream().filter(mail -> List.of(parts).stream().allMatch(mail::contains)).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Every mail in the mbox, its quoted-printable body decoded. */
    private static List<String> mails() throws Exception {
        List<String> mails = new ArrayList<>();
        for (String raw : PostfixResource.mailbox().split("(?m)^From ")) {
            if (!raw.isBlank()) {
                mails.add(raw.contains("Content-Transfer-Encoding: quoted-printable") ? decodeQuotedPrintable(raw) : raw);
            }
        }
        return mails;
    }

    private static String link(String mail, String action) {
        Matcher matcher = LINK.matcher(mail);
        while (matcher.find()) {
            if (matcher.group(1).equals(action)) {
                return matcher.group();
            }
        }
        throw new AssertionError("no " + action + " link in:\n" + mail);
    }

    private static String decodeQuotedPrintable(String text) {
        String joined = text.replaceAll("=\r?\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = joined.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '=' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.ISO_8859_1), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F');
    }
}
