package io.herald.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordingTest {

    @ParameterizedTest(name = "{0} % -> \"{1}\" / \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "100.0     | 100 %    | 100 %",
        "99.999    | 99.99 %  | 99,99 %",
        "99.4321   | 99.43 %  | 99,43 %",
        "45        | 45.00 %  | 45,00 %",
        "0         | 0.00 %   | 0,00 %",
    })
    void shouldNeverRoundAnOutageUpToAHundredPercent(double value, String english, String french) {
        assertThat(Wording.ENGLISH.percent(value)).isEqualTo(english.replace(' ', '\u00a0'));
        assertThat(Wording.FRENCH.percent(value)).isEqualTo(french.replace(' ', '\u00a0'));
    }

    @ParameterizedTest(name = "{0} s -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "1       | 1 min",
        "60      | 1 min",
        "61      | 2 min",
        "3600    | 1 h",
        "47520   | 13 h 12 min",
        "86400   | 24 h",
    })
    void shouldSayADurationInHoursAndMinutes(long seconds, String words) {
        assertThat(Wording.ENGLISH.duration(seconds)).isEqualTo(words);
    }
}
