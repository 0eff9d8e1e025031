package io.herald.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogLoader;
import io.herald.model.catalog.CheckDef;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A source's subjects come from the catalog; the old property form still maps and says what to write instead. */
class SourceSubjectsTest {
    private static final String KUMA = "herald.ingest.sources.\"kuma\".";
    private static final Catalog CATALOG = CatalogLoader.parse("t.yaml", """
            page: {id: t, name: T, url: "http://localhost"}
            services:
              - id: s
                name: S
                components:
                  - id: c
                    name: C
                    checks:
                      - {id: owa-kuma, type: webhook, source: kuma, subjects: ["Outlook on the web", "OWA down"]}
                      - {id: imap-kuma, type: webhook, source: kuma}
                      - {id: owa-grafana, type: webhook, source: grafana, subjects: [OWA down]}
                      - {id: web, type: http, url: "http://localhost/"}
            """, name -> null);

    private static Map<String, String> checkIds(SourceSubjects subjects) {
        return subjects.subjects().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
    }

    @Test
    void shouldMapTheCatalogsSubjectsAndIdsOfTheSourceOnly() {
        SourceSubjects kuma = SourceSubjects.of("kuma", KUMA, Map.of(), CATALOG);
        assertThat(checkIds(kuma)).isEqualTo(Map.of("Outlook on the web", "owa-kuma", "OWA down", "owa-kuma",
                "owa-kuma", "owa-kuma", "imap-kuma", "imap-kuma"));
        assertThat(kuma.deprecations()).isEmpty();
        assertThat(checkIds(SourceSubjects.of("grafana", "g.", Map.of(), CATALOG)))
                .isEqualTo(Map.of("OWA down", "owa-grafana", "owa-grafana", "owa-grafana"));
    }

    @Test
    void shouldStillMapThePropertyFormAndShowTheCatalogLineToWriteInstead() {
        SourceSubjects kuma = SourceSubjects.of("kuma", KUMA, Map.of("IMAP mail.example.org", "imap-kuma",
                "ImapDown", "imap-kuma", "OWA \"beta\"", "owa-kuma"), CATALOG);

        CheckDef imap = kuma.subjects().get("IMAP mail.example.org");
        assertThat(imap.id()).isEqualTo("imap-kuma");
        assertThat(kuma.subjects().get("ImapDown")).isSameAs(imap);
        assertThat(kuma.deprecations()).containsExactlyInAnyOrder(
                "Deprecated: herald.ingest.sources.\"kuma\".checks.\"IMAP mail.example.org\", "
                        + "herald.ingest.sources.\"kuma\".checks.\"ImapDown\" map a subject in properties. Write it in "
                        + "the catalog instead, on check 'imap-kuma': subjects: [\"IMAP mail.example.org\", \"ImapDown\"]",
                "Deprecated: herald.ingest.sources.\"kuma\".checks.\"OWA \"beta\"\" maps a subject in properties. Write "
                        + "it in the catalog instead, on check 'owa-kuma': subjects: [\"Outlook on the web\", "
                        + "\"OWA down\", \"OWA \\\"beta\\\"\"]");
    }

    @Test
    void shouldLetAPropertyMappingWinOverACheckIdAsBefore() {
        SourceSubjects kuma = SourceSubjects.of("kuma", KUMA, Map.of("imap-kuma", "owa-kuma"), CATALOG);
        assertThat(kuma.subjects().get("imap-kuma").id()).isEqualTo("owa-kuma");
    }

    @Test
    void shouldAskToRemoveAPropertyTheCatalogAlreadySays() {
        assertThat(SourceSubjects.of("kuma", KUMA, Map.of("OWA down", "owa-kuma"), CATALOG).deprecations())
                .containsExactly("herald.ingest.sources.\"kuma\".checks.\"OWA down\" is deprecated and already in the "
                        + "catalog (check 'owa-kuma'); remove it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "OWA down         | imap-kuma                   | herald.ingest.sources.\"kuma\".checks.\"OWA down\": the catalog lists subject 'OWA down' under check 'owa-kuma', not 'imap-kuma'; remove this property",
            "x                | owa-grafana                 | herald.ingest.sources.\"kuma\".checks.\"x\": 'owa-grafana' is not a webhook check of source 'kuma' in the catalog",
            "x                | web                         | herald.ingest.sources.\"kuma\".checks.\"x\": 'web' is not a webhook check of source 'kuma' in the catalog",
            "\"Outlook        | on the web\"=owa-kuma        | herald.ingest.sources.\"kuma\".checks.\"\"Outlook\": 'on the web\"=owa-kuma' is not a webhook check of source 'kuma' in the catalog (a subject with spaces cannot be written unescaped in a properties file; list it under the check's subjects in the catalog)",
    })
    void shouldStopStartUpNamingThePropertyToFix(String subject, String check, String message) {
        assertThatThrownBy(() -> SourceSubjects.of("kuma", KUMA, Map.of(subject, check), CATALOG))
                .isInstanceOf(IllegalStateException.class).hasMessage(message);
    }
}
