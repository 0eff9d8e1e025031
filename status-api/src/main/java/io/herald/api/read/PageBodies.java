package io.herald.api.read;

import io.herald.api.http.CachedBody;
import io.herald.model.status.StatuspageV2;
import java.util.Map;

/**
 * One page as the read model renders it: every hot response body already encoded, with its ETag.
 *
 * @param componentsById the page's Statuspage component objects (shown status) by id, for incident bodies
 */
public record PageBodies(Map<String, StatuspageV2.Component> componentsById, CachedBody summary, CachedBody status,
        CachedBody components, CachedBody nativeStatus, CachedBody incidents, CachedBody unresolvedIncidents,
        CachedBody maintenances, CachedBody upcomingMaintenances, CachedBody activeMaintenances) {
}
