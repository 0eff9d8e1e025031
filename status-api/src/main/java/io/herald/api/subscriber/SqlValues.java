package io.herald.api.subscriber;

import io.herald.model.HeraldJson;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Converts the columns of native queries; the queries select timestamps as epoch milliseconds and arrays as JSON. */
final class SqlValues {

    private SqlValues() {
    }

    static Instant instant(Object epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(((Number) epochMillis).longValue());
    }

    static List<String> strings(Object json) {
        return json == null ? List.of() : Arrays.asList(HeraldJson.read(json.toString(), String[].class));
    }

    static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static String millis(String column) {
        return "CAST(floor(extract(epoch FROM " + column + ") * 1000) AS bigint)";
    }
}
