package io.herald.api.status;

import io.herald.api.http.CachedBody;
import io.herald.model.ComponentState;
import java.util.Map;

/**
 * One consistent view of the current status with every hot response body already encoded.
 *
 * @param states      component id to its state, as known from Redis
 * @param lastEventId the changes-stream id of the last change applied, or null
 */
public record RenderedStatus(Map<String, ComponentState> states, String lastEventId, CachedBody summary,
        CachedBody status, CachedBody components, CachedBody nativeStatus) {
}
