package io.herald.api.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.api.support.IsolatedTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatuspageV2ShapeTest extends IsolatedTest {
    static final List<String> PAGE_KEYS = List.of("id", "name", "url", "time_zone", "updated_at");
    static final List<String> COMPONENT_KEYS = List.of("id", "name", "status", "created_at", "updated_at", "position",
            "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded");
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}";

    @Test
    void shouldServeSummaryWithEveryStatuspageField() {
        JsonPath summary = get("/api/v2/summary.json");

        assertThat(summary.getMap("").keySet())
                .containsExactlyInAnyOrder("page", "components", "incidents", "scheduled_maintenances", "status");
        assertPage(summary.getMap("page"));
        assertThat(summary.getList("incidents")).isEmpty();
        assertThat(summary.getList("scheduled_maintenances")).isEmpty();
        assertThat(summary.getMap("status")).containsExactlyInAnyOrderEntriesOf(
                Map.of("indicator", "none", "description", "All Systems Operational"));
        assertComponents(summary.getList("components"));
    }

    @Test
    void shouldServeStatusWithPageAndStatusOnly() {
        JsonPath status = get("/api/v2/status.json");

        assertThat(status.getMap("").keySet()).containsExactlyInAnyOrder("page", "status");
        assertPage(status.getMap("page"));
        assertThat(status.getMap("status").keySet()).containsExactlyInAnyOrder("indicator", "description");
    }

    @Test
    void shouldServeComponentsWithServicesAsGroups() {
        JsonPath components = get("/api/v2/components.json");

        assertThat(components.getMap("").keySet()).containsExactlyInAnyOrder("page", "components");
        assertPage(components.getMap("page"));
        assertComponents(components.getList("components"));
    }

    private static void assertPage(Map<String, Object> page) {
        assertThat(page.keySet()).containsExactlyInAnyOrderElementsOf(PAGE_KEYS);
        assertThat(page).containsEntry("id", "herald-test").containsEntry("name", "Herald test page")
                .containsEntry("url", "http://localhost:18080").containsEntry("time_zone", "Europe/Paris");
        assertThat((String) page.get("updated_at")).matches(TIMESTAMP);
    }

    private static void assertComponents(List<Map<String, Object>> components) {
        assertThat(components).extracting(c -> c.get("id"))
                .containsExactly("mail", "smtp", "imap", "webmail", "web", "intranet");
        for (Map<String, Object> component : components) {
            boolean group = (Boolean) component.get("group");
            if (group) {
                assertThat(component.keySet()).containsExactlyInAnyOrderElementsOf(
                        concat(COMPONENT_KEYS, "components"));
                assertThat(component.get("group_id")).isNull();
            } else {
                assertThat(component.keySet()).containsExactlyInAnyOrderElementsOf(COMPONENT_KEYS);
            }
            assertThat(component).containsEntry("status", "operational").containsEntry("page_id", "herald-test")
                    .containsEntry("showcase", true).containsEntry("only_show_if_degraded", false)
                    .containsEntry("start_date", null);
            assertThat((String) component.get("created_at")).matches(TIMESTAMP);
            assertThat((String) component.get("updated_at")).matches(TIMESTAMP);
        }
        Map<String, Object> mail = components.get(0);
        assertThat(mail).containsEntry("name", "Mail").containsEntry("description", "Sending and reading mail")
                .containsEntry("position", 1).containsEntry("components", List.of("smtp", "imap", "webmail"));
        assertThat(components.get(2)).containsEntry("group_id", "mail").containsEntry("description", null)
                .containsEntry("position", 3);
        assertThat(components.get(5)).containsEntry("group_id", "web").containsEntry("name", "Intranet");
    }

    private static List<String> concat(List<String> keys, String key) {
        return java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of(key)).toList();
    }

    private static JsonPath get(String path) {
        return given().when().get(path).then().statusCode(200).contentType("application/json")
                .extract().jsonPath();
    }
}
