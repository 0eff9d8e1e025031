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

    /** The component marked stale, as status-api marks it: its status is the last known one, for these words. */
    public static Map<String, Object> stale(Map<String, Object> component, String staleDetail) {
        component.put("stale", true);
        component.put("stale_detail", staleDetail);
        return component;
    }

    /** The document as status-api serves it once it lost Redis: its last known state, live updates paused. */
    @SuppressWarnings("unchecked")
    public static String paused(String document, String since, String words) {
        Map<String, Object> doc = HeraldJson.read(document, LinkedHashMap.class);
        doc.put("live", Map.of("paused", true, "since", since, "words", words));
        return HeraldJson.write(doc);
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
        return document(indicator, updatedAt, lastEventId, List.of(), List.of(), services);
    }

    /** A status document with unresolved incidents and upcoming maintenance. */
    @SafeVarargs
    public static String document(String indicator, String updatedAt, String lastEventId, List<Map<String, Object>> incidents,
            List<Map<String, Object>> maintenances, Map<String, Object>... services) {
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
        doc.put("incidents", incidents);
        doc.put("maintenances", maintenances);
        return HeraldJson.write(doc);
    }

    /** An incident in status-api's native shape; updates given oldest first are sent newest first. */
    @SafeVarargs
    public static Map<String, Object> incident(String id, String name, String status, String impact, String createdAt,
            String resolvedAt, List<Map<String, Object>> components, Map<String, Object>... updatesOldestFirst) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("id", id);
        i.put("name", name);
        i.put("status", status);
        i.put("impact", impact);
        i.put("created_at", createdAt);
        i.put("updated_at", createdAt);
        i.put("started_at", createdAt);
        i.put("resolved_at", resolvedAt);
        i.put("shortlink", null);
        List<Map<String, Object>> updates = new ArrayList<>(Arrays.asList(updatesOldestFirst));
        java.util.Collections.reverse(updates);
        i.put("incident_updates", updates);
        i.put("components", components);
        i.put("automatic", false);
        i.put("taken_over", false);
        return i;
    }

    @SafeVarargs
    public static Map<String, Object> maintenance(String id, String name, String status, String from, String until,
            List<Map<String, Object>> components, Map<String, Object>... updates) {
        Map<String, Object> m = incident(id, name, status, "maintenance", from, null, components, updates);
        m.put("scheduled_for", from);
        m.put("scheduled_until", until);
        return m;
    }

    @SafeVarargs
    public static Map<String, Object> update(String status, String body, String at, Map<String, Object>... affected) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("id", "u-" + at);
        u.put("status", status);
        u.put("body", body);
        u.put("created_at", at);
        u.put("display_at", at);
        u.put("affected_components", affected.length == 0 ? null : List.of(affected));
        return u;
    }

    public static Map<String, Object> affected(String id, String name, String status) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", name);
        c.put("status", status);
        return c;
    }

    public static Map<String, Object> transition(String code, String name, String from, String to) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("code", code);
        t.put("name", name);
        t.put("old_status", from);
        t.put("new_status", to);
        return t;
    }

    /** The last day of the uptime fixtures. */
    public static final java.time.LocalDate UPTIME_LAST_DAY = java.time.LocalDate.parse("2025-11-26");

    /**
     * One component of GET /api/v1/uptime/days, in status-api's day arrays: each day operational at 100 % except the
     * given bad days, counted back from the last day (0 = today).
     */
    public static Map<String, Object> uptimeComponent(String id, String name, int days, Double percent,
            Map<Integer, Map<String, Object>> badDays) {
        List<Double> uptime = new ArrayList<>();
        List<String> worst = new ArrayList<>();
        Map<String, List<Long>> seconds = new LinkedHashMap<>();
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (int back = days - 1; back >= 0; back--) {
            int index = days - 1 - back;
            Map<String, Object> day = badDays.get(back);
            uptime.add(day == null ? 100.0 : (Double) day.get("uptime_percent"));
            worst.add(day == null ? "operational" : (String) day.get("worst_status"));
            if (day != null) {
                String status = (String) day.get("worst_status");
                seconds.computeIfAbsent(status, k -> new ArrayList<>(java.util.Collections.nCopies(days, 0L)))
                        .set(index, (Long) day.get("bad_seconds"));
                if (day.get("incident_id") != null) {
                    Map<String, Object> incident = new LinkedHashMap<>();
                    incident.put("id", day.get("incident_id"));
                    incident.put("name", day.get("incident_name"));
                    incident.put("impact", "major");
                    incident.put("first_day", index);
                    incident.put("last_day", index);
                    incidents.add(incident);
                }
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", name);
        c.put("group_id", null);
        c.put("uptime_percent", percent);
        c.put("uptime_percent_by_day", uptime);
        c.put("worst_status_by_day", worst);
        c.put("seconds_by_day", seconds);
        c.put("incidents", incidents);
        c.put("days", days);
        return c;
    }

    /** A bad day for {@link #uptimeComponent}: its figure, its worst status, the seconds in it, an incident or none. */
    public static Map<String, Object> badDay(double percent, String worst, long badSeconds, String incidentId,
            String incidentName) {
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("uptime_percent", percent);
        day.put("worst_status", worst);
        day.put("bad_seconds", badSeconds);
        day.put("incident_id", incidentId);
        day.put("incident_name", incidentName);
        return day;
    }

    @SafeVarargs
    public static String uptime(Map<String, Object>... components) {
        int days = components.length == 0 ? 90 : (Integer) components[0].get("days");
        List<Map<String, Object>> list = new ArrayList<>();
        for (Map<String, Object> component : components) {
            Map<String, Object> copy = new LinkedHashMap<>(component);
            copy.remove("days");
            list.add(copy);
        }
        return HeraldJson.write(Map.of("time_zone", "Europe/Paris", "days", days,
                "first_day", UPTIME_LAST_DAY.minusDays(days - 1L).toString(), "last_day", UPTIME_LAST_DAY.toString(),
                "components", list));
    }
}
