package io.herald.api.admin.oidc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operators' sign-in with an OpenID Connect provider (authorization code flow with PKCE). Off unless issuer,
 * client id and client secret are all set. The client secret is only ever sent to the provider's token endpoint.
 */
@ConfigMapping(prefix = "herald.api.oidc")
public interface OidcConfig {

    /** The provider's issuer URL; its endpoints come from {issuer}/.well-known/openid-configuration. */
    Optional<String> issuer();

    /** The client id registered at the provider for Herald. */
    Optional<String> clientId();

    /** The client secret registered at the provider (give it by environment variable; never logged). */
    Optional<String> clientSecret();

    /** Scopes asked for at the authorization endpoint. */
    @WithDefault("openid email profile")
    String scopes();

    /**
     * The ID token claim that names the operator: {@code email} is matched against the operators' email
     * (and must not be marked unverified), any other claim against their username.
     */
    @WithDefault("email")
    String claim();

    /** Signature algorithms accepted on ID tokens; only asymmetric ones (RS*, PS*, ES*) may be listed. */
    @WithDefault("RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512")
    List<String> algorithms();

    /** Clock difference tolerated on exp, iat and nbf. */
    @WithDefault("60s")
    Duration clockSkew();

    /** How long the discovery document is reused. */
    @WithDefault("1h")
    Duration metadataMaxAge();

    /** How long the provider's keys (JWKS) are reused before they are fetched again. */
    @WithDefault("1h")
    Duration jwksMaxAge();

    /** A token signed with a key not in the cached set fetches the set again, at most once per this interval. */
    @WithDefault("30s")
    Duration jwksMinRefresh();

    /** Deadline of each request to the provider (discovery, JWKS, token endpoint). */
    @WithDefault("5s")
    Duration timeout();

    AutoProvision autoProvision();

    /** Operators created at their first sign-in; off unless email domains or groups are listed. */
    interface AutoProvision {
        /** Verified email domains whose users become operators at their first sign-in. */
        Optional<List<String>> emailDomains();

        /** Values of the groups claim whose members become operators at their first sign-in. */
        Optional<List<String>> groups();

        /** The ID token claim that lists the user's groups or roles. */
        @WithDefault("groups")
        String groupsClaim();

        /** The scopes given to an operator created this way. */
        @WithDefault("incidents:write,maintenance:write,components:write")
        List<String> scopes();
    }

    /** True when issuer, client id and client secret are all set. */
    default boolean enabled() {
        return issuer().filter(s -> !s.isBlank()).isPresent() && clientId().filter(s -> !s.isBlank()).isPresent()
                && clientSecret().filter(s -> !s.isBlank()).isPresent();
    }

    /** True when some but not all of issuer, client id and client secret are set: a mistake, refused at start. */
    default boolean halfConfigured() {
        return !enabled() && (issuer().filter(s -> !s.isBlank()).isPresent()
                || clientId().filter(s -> !s.isBlank()).isPresent()
                || clientSecret().filter(s -> !s.isBlank()).isPresent());
    }
}
