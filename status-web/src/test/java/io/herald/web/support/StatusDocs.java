package io.herald.web.support;

import io.herald.model.HeraldJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds /api/v1/status bodies in status-api's documented shape. */
public final class StatusDocs {
    private StatusDocs() {
    }

    public static Map<String, Object> component(String id, String name, String status, String detail) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", name);
        c.put("description", name + " description");
        c.put("status", status);
        c.put("status_words", status);
        c.put("since", "2025-11-26T09:00:00Z");
        c.put("updated_at", "2025-11-26T09:00:00Z");
        c.put("cause", detail == null ? null : "test-check");
        c.put("detail", detail);
        c.put("evaluated", true);
        return c;
    }

    @SafeVarargs
    public static Map<String, Object> service(String id, String name, String status, Map<String, Object>... components) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("name", name);
        s.put("description", name + " for everyone");
        s.put("status", status);
        s.put("status_words", status);
        s.put("components", new ArrayList<>(Arrays.asList(components)));
        return s;
    }

    @SafeVarargs
    public static String document(String indicator, String updatedAt, String lastEventId, Map<String, Object>... services) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", "herald");
        page.put("name", "Acme <Test> organisation");
        page.put("url", "http://localhost:8080");
        page.put("time_zone", "Europe/Paris");
        page.put("updated_at", updatedAt);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", indicator);
        status.put("description", "whatever status-api says");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", page);
        doc.put("status", status);
        doc.put("services", List.of(services));
        doc.put("last_event_id", lastEventId);
        return HeraldJson.write(doc);
    }
}
