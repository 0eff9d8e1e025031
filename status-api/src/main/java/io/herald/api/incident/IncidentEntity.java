package io.herald.api.incident;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An incident or (kind maintenance) a scheduled maintenance (table incident). */
@Entity
@Table(name = "incident")
public class IncidentEntity extends PanacheEntityBase {
    public static final String KIND_INCIDENT = "incident";
    public static final String KIND_MAINTENANCE = "maintenance";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String impact;

    @Column(nullable = false)
    public boolean automatic;

    @Column(name = "taken_over", nullable = false)
    public boolean takenOver;

    @Column(name = "auto_transition", nullable = false)
    public boolean autoTransition = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "monitoring_at")
    public Instant monitoringAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Column(name = "scheduled_until")
    public Instant scheduledUntil;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "update_count", nullable = false)
    public int updateCount;

    /** A maintenance's changes so far (0 when scheduled): calendars take it as the event's SEQUENCE. */
    @Column(name = "revision", nullable = false)
    public int revision;

    /** When an operator cancelled a maintenance (it is completed then, its window ended at that time). */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public boolean isMaintenance() {
        return KIND_MAINTENANCE.equals(kind);
    }
}
