package io.herald.model.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The page, its services, their components and each component's checks, as declared in the catalog file. */
public final class Catalog {
    private final PageInfo page;
    private final List<ServiceDef> services;
    private final Map<String, ComponentDef> components = new LinkedHashMap<>();
    private final Map<String, CheckDef> checks = new LinkedHashMap<>();

    public Catalog(PageInfo page, List<ServiceDef> services) {
        this.page = page;
        this.services = List.copyOf(services);
        for (ServiceDef service : services) {
            for (ComponentDef component : service.components()) {
                components.put(component.id(), component);
                for (CheckDef check : component.checks()) {
                    checks.put(check.id(), check);
                }
            }
        }
    }

    public PageInfo page() {
        return page;
    }

    public List<ServiceDef> services() {
        return services;
    }

    /** Every component in page order. */
    public Map<String, ComponentDef> components() {
        return Collections.unmodifiableMap(components);
    }

    /** Every check in page order. */
    public Map<String, CheckDef> checks() {
        return Collections.unmodifiableMap(checks);
    }

    public Optional<ComponentDef> component(String id) {
        return Optional.ofNullable(components.get(id));
    }

    public Optional<CheckDef> check(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public Optional<ServiceDef> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
