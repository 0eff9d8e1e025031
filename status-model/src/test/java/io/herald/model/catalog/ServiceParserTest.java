package io.herald.model.catalog;

import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.load;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceParserTest {
    private static final String PAGE = "page: {id: p, name: P, url: \"http://s\"}\n";
    private static final String COMPONENT = "{id: c%d, name: C, checks: [{id: x%d, type: webhook, source: m}]}";

    private static String service(String id, String extra, int... components) {
        StringBuilder text = new StringBuilder("  - id: " + id + "\n    name: Service " + id + "\n" + extra
                + "    components:\n");
        for (int c : components) {
            text.append("      - ").append(COMPONENT.formatted(c, c)).append('\n');
        }
        return text.toString();
    }

    @Test
    void shouldReadServicesInPageOrderWithTheirComponents() {
        Catalog catalog = load(PAGE + "services:\n" + service("mail", "    description: Sending and reading mail\n", 1, 2)
                + service("web", "", 3));
        assertThat(catalog.services()).extracting(ServiceDef::id, ServiceDef::position, ServiceDef::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mail", 1, "Sending and reading mail"),
                        org.assertj.core.groups.Tuple.tuple("web", 2, null));
        assertThat(catalog.service("mail").orElseThrow().components()).extracting(ComponentDef::id)
                .containsExactly("c1", "c2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "services: mail                                       | c.yaml:2: services: expected a list",
            "services: []                                         | c.yaml:2: services: declare at least one service",
            "services: [{name: S, components: []}]                | c.yaml:2: services[0]: 'id' is missing",
            "services: [{id: s, components: [" + COMPONENT + "]}]  | c.yaml:2: services[0]: 'name' is missing",
            "services: [{id: s, name: S}]                         | c.yaml:2: services[0]: 'components' is missing",
            "services: [{id: s, name: S, components: []}]         | c.yaml:2: services[0].components: a service needs at least one component",
            "services: [{id: s, name: S, owner: ops, components: []}] | c.yaml:2: services[0]: unknown key 'owner' (allowed: components, description, id, name)",
            "services: [{id: p, name: S, components: []}]         | c.yaml:2: services[0].components: a service needs at least one component",
    })
    void shouldRefuse(String services, String message) {
        assertRefused(PAGE + services.formatted(1, 1) + "\n", message);
    }

    @Test
    void shouldRefuseAServiceIdUsedTwice() {
        assertRefused(PAGE + "services:\n" + service("mail", "", 1) + service("mail", "", 2),
                "c.yaml:7: services[1].id: id 'mail' is already used in this catalog");
        assertRefused(PAGE + "services:\n" + service("c1", "", 1),
                "c.yaml:6: services[0].components[0].id: id 'c1' is already used in this catalog");
    }
}
