package io.herald.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.catalog.options.HttpOptions;
import io.herald.model.catalog.options.WebhookOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

    private static final String VALID = """
            page:
              id: acme
              name: Acme status
              url: https://status.acme.test
              time_zone: Europe/Paris
            services:
              - id: email
                name: Email
                components:
                  - id: smtp
                    name: SMTP submission
                    checks:
                      - id: smtp-http
                        type: http
                        url: ${SMTP_URL:http://mail.acme.test/health}
                        interval: 30s
                        timeout: 500ms
                        expect_status: [200, 401]
                        latency_limit: 2s
                      - id: smtp-monitor
                        type: webhook
                        source: alertmanager
            """;

    @Test
    void shouldReadTheDefaultCatalogWithEmailActiveSyncAndWeb() {
        Catalog catalog = CatalogLoader.load(Path.of("..", "catalog", "herald.yaml"));
        assertThat(catalog.services()).extracting(ServiceDef::name).containsExactly("Email", "ActiveSync", "Web");
        assertThat(catalog.components()).containsKeys("smtp-submission", "imap-pop", "outlook-web",
                "activesync-endpoints", "intranet", "public-site");
        assertThat(catalog.page().timeZone().getId()).isEqualTo("Europe/Paris");
    }

    @Test
    void shouldReadChecksWithThresholdsAndDefaults() {
        Catalog catalog = CatalogLoader.parse("c.yaml", VALID, Map.of("SMTP_URL", "http://other/health")::get);
        CheckDef http = catalog.check("smtp-http").orElseThrow();
        assertThat(http.options(HttpOptions.class).url()).isEqualTo("http://other/health");
        assertThat(http.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(http.options(HttpOptions.class).expectStatus()).containsExactlyInAnyOrder(200, 401);
        assertThat(http.failuresToDown()).isEqualTo(3);
        assertThat(http.successesToUp()).isEqualTo(2);
        assertThat(http.latencyLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(http.componentId()).isEqualTo("smtp");
        CheckDef hook = catalog.check("smtp-monitor").orElseThrow();
        assertThat(hook.options(WebhookOptions.class).source()).isEqualTo("alertmanager");
        assertThat(hook.failuresToDown()).isEqualTo(1);
        assertThat(catalog.component("smtp").orElseThrow().serviceId()).isEqualTo("email");
    }

    @Test
    void shouldUseThePlaceholderDefaultWhenTheVariableIsUnset() {
        Catalog catalog = CatalogLoader.parse("c.yaml", VALID, name -> null);
        assertThat(catalog.check("smtp-http").orElseThrow().options(HttpOptions.class).url())
                .isEqualTo("http://mail.acme.test/health");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad duration      | interval: 30s          | interval: 30x         | c.yaml:16: services[0].components[0].checks[0].interval: '30x' is not a duration",
            "unknown type      | type: webhook          | type: carrier-pigeon  | c.yaml:21: services[0].components[0].checks[1].type: unknown check type 'carrier-pigeon'",
            "bad time zone     | Europe/Paris           | Mars/Olympus          | c.yaml:5: page.time_zone: 'Mars/Olympus' is not a time zone",
            "duplicate id      | id: smtp-monitor       | id: smtp-http         | c.yaml:20: services[0].components[0].checks[1].id: id 'smtp-http' is already used",
            "unknown key       | latency_limit: 2s      | latency_limimt: 2s    | c.yaml:19: services[0].components[0].checks[0]: unknown key 'latency_limimt'",
            "bad status        | [200, 401]             | [200, 999]            | c.yaml:18: services[0].components[0].checks[0].expect_status: '999' is not an HTTP status",
            "bad id            | id: email              | id: E-mail            | c.yaml:7: services[0].id: 'E-mail' is not an id",
            "timeout too long  | timeout: 500ms         | timeout: 1h           | c.yaml:17: services[0].components[0].checks[0].timeout: the timeout must not exceed the interval",
            "not yaml          | name: Email            | name: [Email          | c.yaml:9: not valid YAML",
    })
    void shouldNameFileLineAndProblem(String what, String from, String to, String message) {
        String broken = VALID.replace(from, to);
        assertThat(broken).isNotEqualTo(VALID);
        assertThatThrownBy(() -> CatalogLoader.parse("c.yaml", broken, name -> null))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(message.strip());
    }

    @Test
    void shouldRefuseAMissingFileNamingIt() {
        assertThatThrownBy(() -> CatalogLoader.load(Path.of("no-such-catalog.yaml")))
                .hasMessageContaining("no-such-catalog.yaml").hasMessageContaining("cannot read");
    }

    @Test
    void shouldRefuseAComponentWithoutChecks() {
        String broken = VALID.substring(0, VALID.indexOf("        checks:")) + "        checks: []\n";
        assertThatThrownBy(() -> CatalogLoader.parse("c.yaml", broken, name -> null))
                .hasMessageStartingWith("c.yaml:12: services[0].components[0].checks: a component needs at least one check");
    }
}
