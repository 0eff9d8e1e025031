package io.herald.api.catalog;

import io.herald.model.status.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;

/** Writes timestamps as ISO 8601 with the offset of the page's time zone, as Statuspage does. */
@ApplicationScoped
public class PageTime {
    private final ZoneId zone;

    public PageTime(LoadedCatalog loaded) {
        this.zone = loaded.catalog().page().timeZone();
    }

    public ZoneId zone() {
        return zone;
    }

    public String format(Instant instant) {
        return Timestamps.format(instant, zone);
    }
}
