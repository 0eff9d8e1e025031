package io.herald.model.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Timestamps as the status bodies write them: ISO 8601 with the offset of the page's time zone, as Statuspage does. */
public final class Timestamps {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private Timestamps() {
    }

    /** For example {@code 2026-11-26T10:00:00.000+01:00} in Europe/Paris; null for null. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : TIMESTAMP.format(instant.atZone(zone));
    }
}
