package io.herald.model.catalog;

import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.load;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentParserTest {
    private static final String HEAD = """
            page: {id: p, name: P, url: "http://s"}
            services:
              - id: s
                name: S
                components:
            """;
    private static final String CHECK = "[{id: x, type: webhook, source: m}]";

    @Test
    void shouldReadComponentsWithTheirServicePositionAndCriticality() {
        Catalog catalog = load(HEAD + """
                      - {id: owa, name: Outlook on the web, description: Mail in the browser, critical: true, checks: %s}
                      - {id: imap, name: IMAP, checks: [{id: y, type: webhook, source: m}]}
                """.formatted(CHECK));
        assertThat(catalog.component("owa").orElseThrow()).isEqualTo(new ComponentDef("owa", "Outlook on the web",
                "Mail in the browser", "s", 1, true, catalog.component("owa").orElseThrow().checks()));
        ComponentDef imap = catalog.component("imap").orElseThrow();
        assertThat(imap.position()).isEqualTo(2);
        assertThat(imap.critical()).isFalse();
        assertThat(imap.checks()).extracting(CheckDef::id, CheckDef::componentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("y", "imap"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "owa                                              | c.yaml:6: services[0].components[0]: expected a mapping of keys to values",
            "{name: OWA, checks: @}                           | c.yaml:6: services[0].components[0]: 'id' is missing",
            "{id: owa, checks: @}                             | c.yaml:6: services[0].components[0]: 'name' is missing",
            "{id: owa, name: OWA, critical: yes, checks: @}   | c.yaml:6: services[0].components[0].critical: 'yes' is not true or false",
            "{id: owa, name: OWA}                             | c.yaml:6: services[0].components[0]: 'checks' is missing",
            "{id: owa, name: OWA, checks: []}                 | c.yaml:6: services[0].components[0].checks: a component needs at least one check",
            "{id: owa, name: OWA, checks: [x]}                | c.yaml:6: services[0].components[0].checks[0]: expected a mapping of keys to values",
            "{id: owa, name: OWA, group: g, checks: @}        | c.yaml:6: services[0].components[0]: unknown key 'group' (allowed: checks, critical, description, id, name)",
            "{id: s, name: OWA, checks: @}                    | c.yaml:6: services[0].components[0].id: id 's' is already used in this catalog",
    })
    void shouldRefuse(String component, String message) {
        assertRefused(HEAD + "      - " + component.replace("@", CHECK) + "\n", message);
    }
}
