package io.herald.api.history;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded status change (table status_change). */
@Entity
@Table(name = "status_change")
public class StatusChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "stream_id", nullable = false, unique = true)
    public String streamId;

    @Column(name = "component_id", nullable = false)
    public String componentId;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status", nullable = false)
    public String toStatus;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "cause")
    public String cause;

    @Column(name = "detail")
    public String detail;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
