package io.herald.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.webhook.format.AlertmanagerFormat;
import io.herald.ingest.webhook.format.GenericJsonFormat;
import io.herald.ingest.webhook.format.GrafanaFormat;
import io.herald.ingest.webhook.format.PagerDutyFormat;
import io.herald.ingest.webhook.format.PingdomFormat;
import io.herald.ingest.webhook.format.SenderFormats;
import io.herald.ingest.webhook.format.StandardWebhooksFormat;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A source's configuration is checked at start-up; each mistake names the property to fix. */
class WebhookSourcesTest {
    private static final String HASH = "a".repeat(64);
    private static final SenderFormats FORMATS = new SenderFormats(List.of(new GenericJsonFormat(),
            new AlertmanagerFormat(), new GrafanaFormat(), new PagerDutyFormat(), new StandardWebhooksFormat(),
            new PingdomFormat()));
    private static final Catalog CATALOG = CatalogLoader.parse("t.yaml", """
            page: {id: t, name: T, url: "http://localhost"}
            services:
              - id: s
                name: S
                components:
                  - id: c
                    name: C
                    checks:
                      - {id: mail-monitor, type: webhook, source: prom}
                      - {id: other-monitor, type: webhook, source: other}
                      - {id: web, type: http, url: "http://localhost/"}
            """, name -> null);

    record Settings(String format, Optional<String> auth, Optional<String> tokenSha256, Optional<String> basicSha256,
            Optional<String> secret, Optional<List<String>> secrets, Map<String, String> checks)
            implements IngestConfig.Source {
        @Override
        public Optional<String> subjectLabel() {
            return Optional.empty();
        }

        @Override
        public Optional<String> signatureHeader() {
            return Optional.empty();
        }

        @Override
        public Optional<String> timestampHeader() {
            return Optional.empty();
        }

        @Override
        public Duration tolerance() {
            return Duration.ofMinutes(5);
        }
    }

    private static Optional<String> opt(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static WebhookSource build(String format, String auth, String token, String basic, String secret,
            Map<String, String> checks) {
        String property = "herald.ingest.sources.\"prom\".";
        return WebhookSources.build("prom", property, new Settings(format, opt(auth), opt(token), opt(basic),
                opt(secret), Optional.empty(), checks), FORMATS, SourceSubjects.of("prom", property, checks, CATALOG));
    }

    @Test
    void shouldMeanGenericJsonWithBearerAuthWhenOnlyATokenHashIsSet() {
        WebhookSource source = build("generic", null, HASH, null, null, Map.of());
        assertThat(source.format().name()).isEqualTo("generic");
        assertThat(source.authScheme()).isEqualTo("Bearer");
        assertThat(source.strictSubject()).isTrue();
        assertThat(source.checkFor("mail-monitor")).isPresent();
        assertThat(source.checkFor("other-monitor")).as("another source's check").isEmpty();
    }

    @Test
    void shouldPickTheAuthFromWhatIsConfiguredAndMapSubjects() {
        assertThat(build("pingdom", null, null, HASH, null, Map.of()).authScheme()).isEqualTo("Basic");
        WebhookSource grafana = build("grafana", null, null, null, "s3cret", Map.of("OWA down", "mail-monitor"));
        assertThat(grafana.authScheme()).isEqualTo("Signature");
        assertThat(grafana.strictSubject()).isFalse();
        assertThat(grafana.checkFor("OWA down").orElseThrow().id()).isEqualTo("mail-monitor");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown format        | nagios       |        | HASH |      |        |              | herald.ingest.sources.\"prom\".format: 'nagios' is not a sender format (alertmanager, generic, grafana, pagerduty, pingdom, standard-webhooks)",
            "unknown auth          | generic      | oauth  | HASH |      |        |              | herald.ingest.sources.\"prom\".auth: 'oauth' is not an auth scheme",
            "bearer without token  | generic      | bearer |      |      |        |              | herald.ingest.sources.\"prom\".token-sha256 is not set",
            "token not a hash      | generic      |        | abc  |      |        |              | herald.ingest.sources.\"prom\": the bearer token hash must be a SHA-256 in hex",
            "hmac without secret   | pagerduty    | hmac   |      |      |        |              | herald.ingest.sources.\"prom\".secret is not set",
            "unsigned sender hmac  | alertmanager | hmac   |      |      | s3cret |              | herald.ingest.sources.\"prom\".auth: the alertmanager sender does not sign",
            "bad whsec secret      | standard-webhooks | hmac |   |      | whsec_!!! |           | herald.ingest.sources.\"prom\": a Standard Webhooks secret is not whsec_ followed by base64",
            "map to a probe        | alertmanager |        | HASH |      |        | web          | herald.ingest.sources.\"prom\".checks.\"x\": 'web' is not a webhook check of source 'prom'",
            "map to another source | alertmanager |        | HASH |      |        | other-monitor | herald.ingest.sources.\"prom\".checks.\"x\": 'other-monitor' is not a webhook check of source 'prom'",
    })
    void shouldNameThePropertyToFix(String what, String format, String auth, String token, String basic,
            String secret, String mapped, String message) {
        Map<String, String> checks = mapped == null ? Map.of() : Map.of("x", mapped);
        assertThatThrownBy(() -> build(format, auth, "HASH".equals(token) ? HASH : token, basic, secret, checks))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith(message.strip());
    }
}
