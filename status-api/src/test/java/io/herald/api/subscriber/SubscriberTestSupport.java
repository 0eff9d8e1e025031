package io.herald.api.subscriber;

import static io.restassured.RestAssured.given;

import io.herald.api.admin.TokenHash;
import io.herald.api.support.TestStores;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared steps of the subscriber tests. */
final class SubscriberTestSupport {
    static final String ADMIN = "Bearer test-admin-token";
    static final String S = TestStores.SCHEMA + ".";

    private SubscriberTestSupport() {
    }

    /** Empties the subscriber tables and gives the tests an admin API token ({@link #ADMIN}). */
    static void emptySubscriberTables() {
        TestStores.sql("TRUNCATE " + S + "notification_delivery, " + S + "unsubscribe_link, " + S + "subscriber, "
                + S + "notification_event RESTART IDENTITY CASCADE");
        TestStores.sql("DELETE FROM " + S + "api_token WHERE name = 'subscriber-tests'");
        TestStores.sql("INSERT INTO " + S + "api_token (name, scopes, secret_sha256, created_at) VALUES "
                + "('subscriber-tests', 'admin', '" + TokenHash.sha256Hex("test-admin-token") + "', now())");
    }

    /** An operator subscribes a webhook; returns the answer (id, secret...). */
    static Response subscribeWebhook(String url, List<String> components, boolean componentChanges) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "webhook", "url", url, "components", components,
                        "component_changes", componentChanges))
                .post("/api/v1/admin/subscribers")
                .then().statusCode(201).extract().response();
    }

    /**
     * A confirmed webhook subscriber written straight to the table, as one accepted under other settings (or before
     * its host's DNS changed) would be; @return its id.
     */
    static long insertWebhookSubscriber(String url) {
        TestStores.sql("INSERT INTO " + S + "subscriber (kind, target, whole_page, confirmed, unsubscribe_token_sha256, "
                + "secret) VALUES ('webhook', '" + url + "', TRUE, TRUE, md5(random()::text), "
                + "'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')");
        return TestStores.count("SELECT max(id) FROM " + S + "subscriber");
    }

    /** What incident code does: records the event inside its own transaction. */
    static void record(NotificationOutbox outbox, NotificationType type, String dedupeKey, List<String> components,
            Map<String, Object> payload) {
        NotificationEvent event = new NotificationEvent(type, Instant.now(), components, payload, dedupeKey);
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.record(event)));
        } catch (Throwable e) {
            throw new IllegalStateException("recording " + dedupeKey + " failed", e);
        }
    }

    static long deliveries(String where) {
        return TestStores.count("SELECT count(*) FROM " + S + "notification_delivery WHERE " + where);
    }
}
