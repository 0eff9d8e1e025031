package io.herald.api.incident;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an incident's or maintenance's timeline (table incident_update). */
@Entity
@Table(name = "incident_update")
public class IncidentUpdateEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "display_at", nullable = false)
    public Instant displayAt;

    /** JSON array of {code, name, old_status, new_status}, or null. */
    @Column(name = "affected_components")
    public String affectedComponents;

    @Column(name = "deliver_notifications", nullable = false)
    public boolean deliverNotifications = true;
}
