package io.herald.api.override;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator's override of a component's shown status, until it expires (table component_override). */
@Entity
@Table(name = "component_override")
public class ComponentOverrideEntity extends PanacheEntityBase {

    @Id
    @Column(name = "component_id")
    public String componentId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public Instant until;

    public String reason;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
