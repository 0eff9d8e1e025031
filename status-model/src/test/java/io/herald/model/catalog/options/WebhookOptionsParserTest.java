package io.herald.model.catalog.options;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.checks;
import static io.herald.model.catalog.CatalogSnippet.load;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookOptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: webhook; source: kuma", new WebhookOptions("kuma", List.of())),
                Arguments.of("type: webhook; source: kuma; subjects: [\"Outlook on the web\", \"OWA down\"]",
                        new WebhookOptions("kuma", List.of("Outlook on the web", "OWA down"))),
                Arguments.of("type: webhook; source: kuma; subjects: Outlook on the web",
                        new WebhookOptions("kuma", List.of("Outlook on the web"))),
                Arguments.of("type: webhook; source: kuma; subjects: [\" padded \", x]",
                        new WebhookOptions("kuma", List.of("padded", "x"))),
                Arguments.of("type: webhook; source: ${SOURCE:kuma}; subjects: [\"${SUBJECT:OWA}\"]",
                        new WebhookOptions("kuma", List.of("OWA"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadTheSourceAndTheSendersSubjects(String keys, WebhookOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @Test
    void shouldBeAPushedCheckWithOneObservationThresholds() {
        CheckDef check = loadCheck("type: webhook; source: kuma");
        assertThat(check.type()).isEqualTo(new CheckType("webhook", CheckType.Kind.PUSH));
        assertThat(check.failuresToDown()).isEqualTo(1);
        assertThat(check.successesToUp()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: webhook                                  | c.yaml:9: @: 'source' is missing",
            "type: webhook; source: Uptime Kuma             | c.yaml:11: @.source: 'Uptime Kuma' is not a source name (lower-case letters, digits and '-')",
            "type: webhook; source: kuma; subjects: [a, \"\"] | c.yaml:12: @.subjects: a subject must not be empty",
            "type: webhook; source: kuma; subjects: [a, b, a] | c.yaml:12: @.subjects: 'a' is listed twice",
            "type: webhook; source: kuma; subjects: {a: b}  | c.yaml:12: @.subjects: expected a single value",
            "type: webhook; source: kuma; quorum: 2         | c.yaml:12: @.quorum: only probes run from several locations; a webhook check has no quorum",
            "type: webhook; source: kuma; url: http://h/    | c.yaml:12: @: unknown key 'url' (allowed: expect_every, failures_to_down, id, interval, latency_limit, name, quorum, source, subjects, successes_to_up, timeout, type)",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }

    @Test
    void shouldRefuseASubjectClaimedByTwoChecksOfOneSourceNamingBoth() {
        String catalog = checks(
                "id: owa-kuma; type: webhook; source: kuma; subjects: [\"Outlook on the web\", \"OWA down\"]",
                "id: owa-probe-kuma; type: webhook; source: kuma; subjects: [OWA slow, OWA down]");
        assertRefused(catalog,
                "c.yaml:16: services[0].components[0].checks[1].subjects: subject 'OWA down' of source 'kuma' is "
                        + "claimed by check 'owa-kuma' (c.yaml:12) and by check 'owa-probe-kuma' (c.yaml:16); "
                        + "a subject names one check");
    }

    @Test
    void shouldRefuseASubjectThatIsTheIdOfAnotherCheckOfTheSource() {
        assertRefused(checks("id: imap-kuma; type: webhook; source: kuma",
                        "id: owa-kuma; type: webhook; source: kuma; subjects: [imap-kuma]"),
                "c.yaml:15: services[0].components[0].checks[1].subjects: subject 'imap-kuma' of source 'kuma' is "
                        + "claimed by the id of check 'imap-kuma' (c.yaml:9) and by check 'owa-kuma' (c.yaml:15)");
        assertRefused(checks("id: owa-kuma; type: webhook; source: kuma; subjects: [imap-kuma]",
                        "id: imap-kuma; type: webhook; source: kuma"),
                "c.yaml:13: services[0].components[0].checks[1].id: subject 'imap-kuma' of source 'kuma' is "
                        + "claimed by check 'owa-kuma' (c.yaml:12) and by the id of check 'imap-kuma' (c.yaml:13)");
    }

    @Test
    void shouldLetOtherSourcesAndTheChecksOwnIdUseTheSameWords() {
        Catalog catalog = load(checks(
                "id: owa-kuma; type: webhook; source: kuma; subjects: [OWA down, owa-kuma]",
                "id: owa-grafana; type: webhook; source: grafana; subjects: [OWA down]"));
        assertThat(catalog.check("owa-kuma").orElseThrow().options(WebhookOptions.class).subjects())
                .containsExactly("OWA down", "owa-kuma");
        assertThat(catalog.check("owa-grafana").orElseThrow().options(WebhookOptions.class).subjects())
                .containsExactly("OWA down");
    }
}
