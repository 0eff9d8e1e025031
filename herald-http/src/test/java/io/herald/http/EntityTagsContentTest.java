package io.herald.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** If-None-Match as clients send it, and tags that follow the content only (equal on every replica). */
class EntityTagsContentTest {

    @ParameterizedTest(name = "If-None-Match [{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL                    | false
            ''                      | false
            '"abc"'                 | true
            'W/"abc"'               | true
            '"x", "abc"'            | true
            '"x",W/"abc"'           | true
            '*'                     | true
            '"abcd"'                | false
            'abc'                   | false
            '"x", "y"'              | false
            """)
    void shouldMatchIfNoneMatchWeakly(String header, boolean matches) {
        assertThat(EntityTags.matches(header, "\"abc\"")).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"{}, {}, true", "{}, {\"a\":1}, false"})
    void shouldTagEqualBytesEqually(String a, String b, boolean same) {
        assertThat(EntityTags.of(a.getBytes()).equals(EntityTags.of(b.getBytes()))).isEqualTo(same);
        assertThat(EntityTags.of(a.getBytes())).matches("\"[A-Za-z0-9_-]{27}\"");
    }
}
