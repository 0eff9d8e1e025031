package io.herald.model.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One entry of {@code services}: a group of components shown under one name, at least one component. */
final class ServiceParser {
    static final Set<String> KEYS = Set.of("id", "name", "description", "components");

    private ServiceParser() {
    }

    static ServiceDef read(Fields service, int position) {
        String id = service.uniqueId();
        String name = service.required("name");
        String description = service.text("description");
        List<ComponentDef> components = new ArrayList<>();
        for (Fields component : service.each("components", "a service needs at least one component",
                ComponentParser.KEYS)) {
            components.add(ComponentParser.read(component, id, components.size() + 1));
        }
        return new ServiceDef(id, name, description, position, components);
    }
}
