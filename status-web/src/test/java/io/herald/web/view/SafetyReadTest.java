package io.herald.web.view;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the stream never says (an operator's override, one that expires) reaches the page through the periodic safety
 * re-read, every {@code herald.web.refresh-interval} (half a second here), with no event at all.
 */
@QuarkusTest
@TestProfile(SafetyReadTest.ReadEveryHalfSecond.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyReadTest {

    public static class ReadEveryHalfSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.web.api-url", "http://127.0.0.1:" + FakeStatusApi.portFor("safety-read"),
                    "herald.web.refresh-interval", "500ms");
        }
    }

    private FakeStatusApi api;

    @BeforeAll
    void startStatusApi() {
        api = FakeStatusApi.startOn(FakeStatusApi.portFor("safety-read"));
    }

    @AfterAll
    void stopStatusApi() {
        api.stop();
    }

    @Test
    void shouldReadTheStatusEveryIntervalAndShowWhatNoEventSaid() {
        api.status(activeSync("operational", "none"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(page())
                .contains("id=\"component-activesync-endpoints\" data-status=\"operational\""));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.openStreams() == 1);

        int reads = api.statusFetches();
        // An operator overrides ActiveSync: status-api shows it, and sends nothing on the stream.
        api.status(activeSync("major_outage", "critical"));
        await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(page())
                .contains("id=\"component-activesync-endpoints\" data-status=\"major_outage\"")
                .contains("id=\"banner\" data-indicator=\"critical\""));
        await().atMost(Duration.ofSeconds(3)).until(() -> api.statusFetches() >= reads + 3);
    }

    private static String activeSync(String status, String indicator) {
        return document(indicator, "2025-11-26T08:00:00Z", "1764147600000-1",
                service("activesync", "ActiveSync", status,
                        component("activesync-endpoints", "ActiveSync endpoints", status, null)));
    }

    private static String page() {
        return given().get("/").then().statusCode(200).extract().asString();
    }
}
