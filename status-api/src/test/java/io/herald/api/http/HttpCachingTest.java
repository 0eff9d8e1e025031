package io.herald.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCachingTest {

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
        assertThat(HttpCaching.matches(header, "\"abc\"")).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"{}, {}, true", "{}, {\"a\":1}, false"})
    void shouldTagEqualBytesEqually(String a, String b, boolean same) {
        assertThat(CachedBody.of(a.getBytes()).etag().equals(CachedBody.of(b.getBytes()).etag())).isEqualTo(same);
    }
}
