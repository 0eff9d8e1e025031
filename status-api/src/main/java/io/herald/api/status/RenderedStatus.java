package io.herald.api.status;

import io.herald.api.http.CachedBody;
import io.herald.api.overlay.Overlay;
import io.herald.model.ComponentState;
import io.herald.model.status.StatuspageV2;
import java.util.Map;

/**
 * One consistent view of the current status with every hot response body already encoded.
 *
 * @param states       component id to its evaluated state, as known from Redis
 * @param lastEventId  the changes-stream id of the last change applied, or null
 * @param overlay      incidents, maintenances and overrides from PostgreSQL
 * @param componentsById the Statuspage component objects (shown status) by id, for incident bodies
 */
public record RenderedStatus(Map<String, ComponentState> states, String lastEventId, Overlay overlay,
        Map<String, StatuspageV2.Component> componentsById, CachedBody summary, CachedBody status,
        CachedBody components, CachedBody nativeStatus, CachedBody incidents, CachedBody unresolvedIncidents,
        CachedBody maintenances, CachedBody upcomingMaintenances, CachedBody activeMaintenances) {
}
