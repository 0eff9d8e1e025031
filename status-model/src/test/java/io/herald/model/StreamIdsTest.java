package io.herald.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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
            "1716200000001-0, 1716200000000-99, 1",
            "5, 5-0, 0",
            "5, 5-1, -1",
            "6, 5-9, 1"})
    void shouldOrderIdsLikeRedis(String a, String b, int sign) {
        assertThat(Integer.signum(StreamIds.compare(a, b))).isEqualTo(sign);
    }

    @ParameterizedTest(name = "[{0}] valid: {1}")
    @CsvSource({"1716200000000-0, true", "0-1, true", "yesterday, false", "123, false", "1-2-3, false",
            "-1-0, false", "'', false"})
    void shouldRecogniseStreamIds(String id, boolean valid) {
        assertThat(StreamIds.isValid(id)).isEqualTo(valid);
    }

    @Test
    void shouldTreatNullAsOlderThanEveryId() {
        assertThat(StreamIds.compare(null, "0-0")).isNegative();
        assertThat(StreamIds.compare("0-0", null)).isPositive();
        assertThat(StreamIds.newer(null, "3-1")).isEqualTo("3-1");
        assertThat(StreamIds.newer("3-2", "3-1")).isEqualTo("3-2");
    }

    @Test
    void shouldReadTheMillisecondsOfAnId() {
        assertThat(StreamIds.millis("1716200000000-7")).isEqualTo(1716200000000L);
        assertThat(StreamIds.millis("0-0")).isZero();
        assertThat(StreamIds.millis("18446744073709551615-0")).as("past the signed range").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void shouldChooseTheNextIdAfterTheLastOneAsRedisWould() {
        String[][] rows = {
                // last, now, expected
                {null, "1000", "1000-0"},
                {"999-4", "1000", "1000-0"},
                {"1000-0", "1000", "1000-1"},
                {"1000-7", "1000", "1000-8"},
                {"2000-3", "1000", "2000-4"}, // a writer whose clock is behind still writes after the last entry
        };
        for (String[] row : rows) {
            String next = StreamIds.following(row[0], Long.parseLong(row[1]));
            assertThat(next).as("after %s at %s", row[0], row[1]).isEqualTo(row[2]);
            assertThat(StreamIds.compare(next, row[0])).isPositive();
        }
    }
}
