package io.herald.api.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Writes timestamps as ISO 8601 with the offset of the page's time zone, as Statuspage does. */
@ApplicationScoped
public class PageTime {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final ZoneId zone;

    public PageTime(LoadedCatalog loaded) {
        this.zone = loaded.catalog().page().timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant.atZone(zone));
    }
}
