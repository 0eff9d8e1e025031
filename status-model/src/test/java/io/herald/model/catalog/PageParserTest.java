package io.herald.model.catalog;

import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageParserTest {
    private static final String SERVICES = """
            services:
              - id: s
                name: S
                components:
                  - {id: c, name: C, checks: [{id: x, type: webhook, source: m}]}
            """;

    @Test
    void shouldReadThePageInUtcByDefault() {
        PageInfo page = load("page: {id: acme, name: Acme status, url: \"https://status.acme.test\"}\n" + SERVICES).page();
        assertThat(page).isEqualTo(new PageInfo("acme", "Acme status", "https://status.acme.test", ZoneId.of("UTC")));
        PageInfo paris = load("page: {id: acme, name: A, url: \"http://s\", time_zone: Europe/Paris}\n" + SERVICES)
                .page();
        assertThat(paris.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "page: acme                                        | c.yaml:1: page: expected a mapping of keys to values",
            "page: {name: A, url: \"http://s\"}                | c.yaml:1: page: 'id' is missing",
            "page: {id: Acme, name: A, url: \"http://s\"}      | c.yaml:1: page.id: 'Acme' is not an id",
            "page: {id: a, url: \"http://s\"}                  | c.yaml:1: page: 'name' is missing",
            "page: {id: a, name: A, url: status.acme.test}     | c.yaml:1: page.url: 'status.acme.test' is not an http(s) URL",
            "page: {id: a, name: A, url: \"http://s\", time_zone: Mars/Olympus} | c.yaml:1: page.time_zone: 'Mars/Olympus' is not a time zone (use a name such as Europe/Paris or UTC)",
            "page: {id: a, name: A, url: \"http://s\", logo: x} | c.yaml:1: page: unknown key 'logo' (allowed: id, name, time_zone, url)",
    })
    void shouldRefuse(String page, String message) {
        assertRefused(page + "\n" + SERVICES, message);
    }

    @Test
    void shouldRefuseACatalogWithoutAPage() {
        assertRefused(SERVICES, "c.yaml:1: catalog: 'page' is missing");
    }
}
