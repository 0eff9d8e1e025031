package io.herald.model.catalog;

import java.time.ZoneId;

/** The page itself: its id, its name, where it is published and the time zone it reports in. */
public record PageInfo(String id, String name, String url, ZoneId timeZone) {
}
