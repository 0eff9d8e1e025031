package io.herald.web.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.model.status.Incident;
import java.util.List;

/** GET /api/v1/incidents and GET /api/v1/maintenances bodies. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentList(
        @JsonProperty("incidents") List<Incident> incidents,
        @JsonProperty("scheduled_maintenances") List<Incident> maintenances) {

    public List<Incident> items() {
        return incidents != null ? incidents : maintenances != null ? maintenances : List.of();
    }
}
