package io.herald.api.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamIdsTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "1-0, 1-0, 0",
            "1-1, 1-0, 1",
            "1-0, 1-1, -1",
            "2-0, 10-0, -1",
            "1716200000000-9, 1716200000000-10, -1",
            "1716200000001-0, 1716200000000-99, 1"})
    void shouldOrderIdsLikeRedis(String a, String b, int sign) {
        assertThat(Integer.signum(StreamIds.compare(a, b))).isEqualTo(sign);
    }

    @ParameterizedTest(name = "[{0}] valid: {1}")
    @CsvSource({"1716200000000-0, true", "0-1, true", "yesterday, false", "123, false", "1-2-3, false",
            "-1-0, false", "'', false"})
    void shouldRecogniseStreamIds(String id, boolean valid) {
        assertThat(StreamIds.isValid(id)).isEqualTo(valid);
    }
}
