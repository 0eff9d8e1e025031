package io.herald.model.catalog;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

/** The catalog's {@code page}: its id, name, public URL and the time zone it reports in (UTC by default). */
final class PageParser {
    static final Set<String> KEYS = Set.of("id", "name", "url", "time_zone");

    private PageParser() {
    }

    static PageInfo read(Fields page) {
        String id = page.id();
        String name = page.required("name");
        String url = page.httpUrl("url");
        String zone = page.text("time_zone");
        try {
            return new PageInfo(id, name, url, zone == null ? ZoneId.of("UTC") : ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw page.error("time_zone", "'" + zone + "' is not a time zone (use a name such as Europe/Paris or UTC)");
        }
    }
}
