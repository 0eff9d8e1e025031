package io.herald.web.admin;

import io.herald.model.ComponentStatus;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the operator typed in the new-incident form, kept when the dashboard is shown again (preview, error). */
public record IncidentForm(String name, String status, String impact, String body, Map<String, String> components,
        boolean deliverNotifications) {

    static IncidentForm empty() {
        return new IncidentForm("", "investigating", "minor", "", Map.of(), true);
    }

    /** The form as posted: {@code component_<id>} fields carry the statuses to set (only known statuses are kept). */
    static IncidentForm of(MultivaluedMap<String, String> form) {
        Map<String, String> components = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("component_") && !values.isEmpty() && ComponentStatus.parse(values.get(0)).isPresent()) {
                components.put(key.substring("component_".length()), values.get(0));
            }
        });
        return new IncidentForm(AdminPages.first(form, "name"), AdminPages.first(form, "status"),
                AdminPages.first(form, "impact"), AdminPages.first(form, "body"), components,
                "on".equals(AdminPages.first(form, "deliver_notifications")));
    }

    public String componentStatus(String id) {
        return components.getOrDefault(id, "");
    }
}
