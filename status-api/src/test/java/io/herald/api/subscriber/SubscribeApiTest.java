package io.herald.api.subscriber;

import static io.herald.api.subscriber.SubscriberTestSupport.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.herald.api.support.IsolatedTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public and operator endpoints as a production page runs them: private targets refused, a small rate limit. */
@QuarkusTest
@TestProfile(SubscribeApiTest.Production.class)
class SubscribeApiTest extends IsolatedTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.subscribers.allow-private-targets", "false",
                    "herald.subscribers.rate-limit.burst", "3",
                    "herald.subscribers.rate-limit.per-minute", "1");
        }
    }

    @BeforeEach
    void emptyTables() {
        SubscriberTestSupport.emptySubscriberTables();
    }

    @Test
    void shouldRefuseBadTargetsWithAProblemNamingTheField() {
        String[][] cases = {
                {"webhook", "url", "ftp://helpdesk.example.org/hook", "must start with https://"},
                {"webhook", "url", "http://127.0.0.1:9/hook", "loopback, private or link-local"},
                {"webhook", "url", "http://[::1]/hook", "loopback, private or link-local"},
                {"webhook", "url", "http://10.0.0.7/hook", "loopback, private or link-local"},
                {"webhook", "url", "http://169.254.169.254/latest/meta-data", "loopback, private or link-local"},
                {"email", "email", "helpdesk", "is not an email address"},
                {"email", "email", "helpdesk@localhost", "has a domain that"},
                {"email", "email", "help desk@example.org", "name part"},
        };
        for (String[] c : cases) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body(Map.of("kind", c[0], c[1], c[2]))
                    .post("/api/v1/admin/subscribers")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("status", equalTo(422))
                    .body("type", equalTo("https://herald.io/problems/invalid-" + c[1]))
                    .body("detail", startsWith("The field '" + c[1] + "'"))
                    .body("detail", containsString(c[3]));
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "pigeon", "url", "https://helpdesk.example.org/hook"))
                .post("/api/v1/admin/subscribers")
                .then().statusCode(422).body("detail", containsString("'kind'"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "email", "email", "helpdesk@example.org", "components", List.of("smtp", "fax")))
                .post("/api/v1/admin/subscribers")
                .then().statusCode(422).body("detail", containsString("'components'"))
                .body("detail", containsString("'fax'"));
    }

    @Test
    void shouldKeepTheAdminEndpointsForOperators() {
        given().get("/api/v1/admin/subscribers").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").get("/api/v1/admin/subscribers").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").delete("/api/v1/admin/subscribers/1").then().statusCode(401);

        long id = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "email", "email", "helpdesk@example.org", "components", List.of("smtp", "imap"),
                        "component_changes", true))
                .post("/api/v1/admin/subscribers")
                .then().statusCode(201)
                .body("confirmed", equalTo(true))
                .body("components", equalTo(List.of("smtp", "imap")))
                .body("component_changes", equalTo(true))
                .body("secret", nullValue())
                .extract().<Integer>path("id").longValue();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("kind", "email", "email", "HELPDESK@example.org"))
                .post("/api/v1/admin/subscribers")
                .then().statusCode(409).body("type", equalTo("https://herald.io/problems/already-subscribed"));
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers").then().statusCode(200)
                .body("target", hasItem("helpdesk@example.org"))
                .body("secret", not(hasItem(startsWith("whsec_"))));
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers/" + id + "/deliveries")
                .then().statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", ADMIN).delete("/api/v1/admin/subscribers/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/api/v1/admin/subscribers/" + id).then().statusCode(404);
        given().header("Authorization", ADMIN).get("/api/v1/admin/subscribers/" + id + "/deliveries")
                .then().statusCode(404);
    }

    @Test
    void shouldRateLimitPublicSubscribesPerClientAddress() {
        // burst 3: the fourth request in a row is refused, whatever it asks
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("kind", "webhook", "url", "http://127.0.0.1/" + i))
                    .post("/api/v1/subscribers").then().statusCode(422);
        }
        given().contentType(ContentType.JSON).body(Map.of("kind", "webhook", "url", "https://example.org/hook"))
                .post("/api/v1/subscribers")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", not(nullValue()))
                .body("type", equalTo("https://herald.io/problems/too-many-requests"));
        given().get("/api/v1/subscribers/confirm?token=nothing").then().statusCode(404);
        given().post("/api/v1/subscribers/unsubscribe?token=nothing").then().statusCode(404);
    }
}
