package io.herald.api.admin;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An operator who logs in to the admin API (table operator): with a password stored as bcrypt, or through the
 * OpenID Connect provider, whose identity (issuer and subject) is linked at the first sign-in.
 */
@Entity
@Table(name = "operator")
public class OperatorEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Null for an operator who can only sign in through the OpenID Connect provider. */
    @Column(name = "password_bcrypt")
    public String passwordBcrypt;

    public String email;

    @Column(name = "oidc_issuer")
    public String oidcIssuer;

    @Column(name = "oidc_subject")
    public String oidcSubject;

    @Column(nullable = false)
    public String scopes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
