package io.herald.api.incident;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A component an incident affects, with the status last seen for it there (table incident_component). */
@Entity
@Table(name = "incident_component")
@IdClass(IncidentComponentEntity.Key.class)
public class IncidentComponentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public Long incidentId;

    @Id
    @Column(name = "component_id")
    public String componentId;

    @Column(nullable = false)
    public String status;

    public static IncidentComponentEntity of(Long incidentId, String componentId, String status) {
        IncidentComponentEntity entity = new IncidentComponentEntity();
        entity.incidentId = incidentId;
        entity.componentId = componentId;
        entity.status = status;
        return entity;
    }

    public static class Key implements Serializable {
        public Long incidentId;
        public String componentId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(incidentId, key.incidentId)
                    && Objects.equals(componentId, key.componentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, componentId);
        }
    }
}
