package io.herald.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTagsTest {

    @ParameterizedTest(name = "If-None-Match [{0}] matches \"abc\": {1}")
    @CsvSource(delimiter = '|', value = {
            "\"abc\"|true",
            "W/\"abc\"|true",
            "\"x\", \"abc\"|true",
            "*|true",
            "\"abd\"|false",
            "abc|false",
            "''|false"
    })
    void shouldMatchIfNoneMatch(String header, boolean expected) {
        assertThat(EntityTags.matches(header, "\"abc\"")).isEqualTo(expected);
    }
}
