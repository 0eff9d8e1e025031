package io.herald.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest(name = "Accept-Language \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                          | EN",
        "''                            | EN",
        "fr                            | FR",
        "fr-FR,fr;q=0.9,en-US;q=0.8    | FR",
        "fr-CA                         | FR",
        "en-GB,en;q=0.9,fr;q=0.8       | EN",
        "de-DE,de;q=0.9                | EN",
        "de-DE,fr;q=0.5                | FR",
        "en;q=0.5,fr;q=0.9             | FR",
        "fr;q=0,en;q=0.1               | EN",
        "*                             | EN",
        "not a header;;;               | EN",
    })
    void shouldPickTheBestLanguageForAcceptLanguage(String header, Language expected) {
        assertThat(Language.fromAcceptLanguage(header)).isEqualTo(expected);
    }
}
