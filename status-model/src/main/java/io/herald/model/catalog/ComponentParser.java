package io.herald.model.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One component of a service: its name, whether it is critical, and at least one check. */
final class ComponentParser {
    static final Set<String> KEYS = Set.of("id", "name", "description", "critical", "checks");

    private ComponentParser() {
    }

    static ComponentDef read(Fields component, String serviceId, int position) {
        String id = component.uniqueId();
        String name = component.required("name");
        String description = component.text("description");
        boolean critical = component.bool("critical", false);
        List<CheckDef> checks = new ArrayList<>();
        for (Fields check : component.each("checks", "a component needs at least one check", null)) {
            checks.add(CheckParser.read(check, id));
        }
        return new ComponentDef(id, name, description, serviceId, position, critical, checks);
    }
}
