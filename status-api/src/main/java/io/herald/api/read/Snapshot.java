package io.herald.api.read;

import io.herald.model.ComponentState;
import java.time.Instant;
import java.util.Map;

/**
 * One consistent state of the read model: what Redis and PostgreSQL say, and every page rendered from it.
 *
 * @param states      component id to its evaluated state, as known from Redis
 * @param lastEventId the changes-stream id of the last change applied, or null
 * @param overlay     incidents, maintenances and overrides from PostgreSQL
 * @param pausedSince since when the live channel is not heard (the subscription is down), or null
 * @param lostAt      when Redis was found to have lost its data, or null
 * @param pages       page id to its rendered bodies
 */
record Snapshot(Map<String, ComponentState> states, String lastEventId, Overlay overlay, Instant pausedSince,
        Instant lostAt, Map<String, PageBodies> pages) {
}
