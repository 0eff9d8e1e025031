package io.herald.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.catalog.options.ActiveSyncOptions;
import io.herald.model.catalog.options.DnsOptions;
import io.herald.model.catalog.options.GraphOptions;
import io.herald.model.catalog.options.HttpOptions;
import io.herald.model.catalog.options.MailboxOptions;
import io.herald.model.catalog.options.SmtpOptions;
import io.herald.model.catalog.options.StatuspageOptions;
import io.herald.model.catalog.options.TcpOptions;
import io.herald.model.catalog.options.TlsOptions;
import io.herald.model.catalog.options.Trust;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every check type's options, with the file:line message for each kind of mistake. */
class CheckTypesLoaderTest {

    private static final String ALL = """
            page:
              id: acme
              name: Acme status
              url: https://status.acme.test
            services:
              - id: mail
                name: Mail
                components:
                  - id: mail-front
                    name: Mail front end
                    checks:
                      - id: owa
                        type: http
                        url: https://mail.acme.test/owa/healthcheck.htm
                        headers:
                          X-Probe: herald
                        follow_redirects: false
                        json_path: checks[0].state
                        json_expect: ok
                        cert_expiry_days: 21
                        quorum: 2
                      - id: smtp-port
                        type: tcp
                        host: mail.acme.test
                        port: 25
                      - id: smtp-tls
                        type: tls
                        host: mail.acme.test
                        port: 465
                        trust: any
                      - id: mx
                        type: dns
                        resolver: 127.0.0.1
                        port: 5353
                        name: acme.test
                        record_type: mx
                        expect: mail.acme.test
                      - id: submission
                        type: smtp
                        host: mail.acme.test
                        user: probe
                        password: ${SMTP_PASSWORD:secret}
                      - id: imaps
                        type: imap
                        host: mail.acme.test
                        security: tls
                      - id: pop3
                        type: pop3
                        host: mail.acme.test
                      - id: eas
                        type: activesync
                        url: https://mail.acme.test
                        mode: healthcheck
                        health_page: owa
                      - id: vendor
                        type: statuspage
                        url: https://vendor.test/api/v2/summary.json
                        component: Exchange Online
                      - id: m365
                        type: graph
                        token_url: https://login.test/tenant/oauth2/v2.0/token
                        client_id: app
                        client_secret: ${GRAPH_SECRET:s3cret}
                        service: Exchange Online
            """;

    private static Catalog load(String text) {
        return CatalogLoader.parse("c.yaml", text, name -> null);
    }

    @Test
    void shouldReadEveryTypeWithItsOptionsAndDefaults() {
        Catalog catalog = load(ALL);

        CheckDef owa = catalog.check("owa").orElseThrow();
        assertThat(owa.quorum()).isEqualTo(2);
        assertThat(owa.options(HttpOptions.class)).isEqualTo(new HttpOptions("https://mail.acme.test/owa/healthcheck.htm",
                "GET", Set.of(200), null, Map.of("X-Probe", "herald"), false, 5, "checks[0].state", "ok", 21,
                Trust.SYSTEM));
        assertThat(catalog.check("smtp-port").orElseThrow().options())
                .isEqualTo(new TcpOptions("mail.acme.test", 25));
        assertThat(catalog.check("smtp-tls").orElseThrow().options(TlsOptions.class).trust().any()).isTrue();
        assertThat(catalog.check("mx").orElseThrow().options())
                .isEqualTo(new DnsOptions("127.0.0.1", 5353, "acme.test", "MX", "mail.acme.test"));
        assertThat(catalog.check("submission").orElseThrow().options()).isEqualTo(new SmtpOptions("mail.acme.test",
                587, "starttls", Trust.SYSTEM, null, "PLAIN", "probe", "secret"));
        assertThat(catalog.check("imaps").orElseThrow().options(MailboxOptions.class).port()).isEqualTo(993);
        assertThat(catalog.check("pop3").orElseThrow().options(MailboxOptions.class).port()).isEqualTo(110);
        assertThat(catalog.check("eas").orElseThrow().options()).isEqualTo(new ActiveSyncOptions(
                "https://mail.acme.test", "healthcheck", "owa", null, null, Trust.SYSTEM));
        CheckDef vendor = catalog.check("vendor").orElseThrow();
        assertThat(vendor.options()).isEqualTo(new StatuspageOptions("https://vendor.test/api/v2/summary.json",
                "Exchange Online"));
        assertThat(vendor.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(vendor.failuresToDown()).isEqualTo(1);
        assertThat(catalog.check("m365").orElseThrow().options()).isEqualTo(new GraphOptions(
                "https://login.test/tenant/oauth2/v2.0/token", "https://graph.microsoft.com", "app", "s3cret",
                "https://graph.microsoft.com/.default", "Exchange Online"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "header name     | X-Probe: herald            | X Probe: herald          | c.yaml:16: services[0].components[0].checks[0].headers: 'X Probe' is not a header name",
            "json path       | json_path: checks[0].state | json_path: 'checks[x'    | c.yaml:18: services[0].components[0].checks[0].json_path: 'checks[x' is not a dotted path",
            "redirects       | follow_redirects: false    | follow_redirects: maybe  | c.yaml:17: services[0].components[0].checks[0].follow_redirects: 'maybe' is not true or false",
            "expiry days     | cert_expiry_days: 21       | cert_expiry_days: 999    | c.yaml:20: services[0].components[0].checks[0].cert_expiry_days: '999' is not a whole number from 0 to 365",
            "quorum          | quorum: 2                  | quorum: 0                | c.yaml:21: services[0].components[0].checks[0].quorum: '0' is not a whole number from 1 to 1000",
            "tcp port        | port: 25                   | port: 70000              | c.yaml:25: services[0].components[0].checks[1].port: '70000' is not a whole number from 1 to 65535",
            "tcp host        | port: 25                   | prt: 25                  | c.yaml:25: services[0].components[0].checks[1]: unknown key 'prt'",
            "trust           | trust: any                 | trust: /no/such/store    | c.yaml:30: services[0].components[0].checks[2].trust: '/no/such/store' is not system, any, or a readable trust store file",
            "record type     | record_type: mx            | record_type: SRVX        | c.yaml:36: services[0].components[0].checks[3].record_type: 'SRVX' is not a record type",
            "mail security   | security: tls              | security: ssl3           | c.yaml:46: services[0].components[0].checks[5].security: 'ssl3' is not plain, starttls or tls",
            "imap has no user| security: tls              | user: someone            | c.yaml:46: services[0].components[0].checks[5]: unknown key 'user'",
            "activesync mode | mode: healthcheck          | mode: ping               | c.yaml:53: services[0].components[0].checks[7].mode: 'ping' is not options, healthcheck or autodiscover",
            "health page     | health_page: owa           | health_page: ecp         | c.yaml:54: services[0].components[0].checks[7].health_page: 'ecp' is not activesync",
            "statuspage url  | url: https://vendor.test   | url: ftp://vendor.test   | c.yaml:57: services[0].components[0].checks[8].url: 'ftp://vendor.test/api/v2/summary.json' is not an http(s) URL",
            "graph client    | client_id: app             | client_id: \"\"            | c.yaml:62: services[0].components[0].checks[9].client_id: must not be empty",
            "pull quorum     | url: https://vendor.test   | quorum: 2\\n            url: https://vendor.test | c.yaml:57: services[0].components[0].checks[8].quorum: only probes run from several locations",
            "unknown type    | type: pop3                 | type: gopher             | c.yaml:48: services[0].components[0].checks[6].type: unknown check type 'gopher' (expected http, tcp",
    })
    void shouldNameFileLineAndProblem(String what, String from, String to, String message) {
        String broken = ALL.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(broken).isNotEqualTo(ALL);
        assertThatThrownBy(() -> load(broken)).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(message.strip());
    }
}
