package io.herald.api.admin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A logged-in operator's session; only the SHA-256 of its token is stored (table operator_session). */
@Entity
@Table(name = "operator_session")
public class OperatorSessionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "operator_id", nullable = false)
    public Long operatorId;

    @Column(name = "secret_sha256", nullable = false)
    public String secretSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** How it was opened: password or oidc. */
    @Column(nullable = false)
    public String method;
}
