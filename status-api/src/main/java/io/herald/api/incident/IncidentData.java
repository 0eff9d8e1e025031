package io.herald.api.incident;

import java.util.List;

/** An incident with its updates (newest first) and its components, as loaded together. */
public record IncidentData(IncidentEntity incident, List<IncidentUpdateEntity> updates,
        List<IncidentComponentEntity> components) {
}
