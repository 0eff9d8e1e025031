package io.herald.api.admin.oidc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.herald.api.admin.Actor;
import io.herald.api.admin.AuditLog;
import io.herald.api.admin.OperatorEntity;
import io.herald.api.admin.Scopes;
import io.herald.api.admin.SessionBody;
import io.herald.api.admin.SessionService;
import io.herald.api.admin.UserBody;
import io.herald.model.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An operator's sign-in through the OpenID Connect provider: status-web sends the authorization code with its PKCE
 * verifier and nonce; this exchanges the code with the client secret, verifies the ID token, finds (or, when allowed,
 * creates) the operator and opens the same session a password login opens.
 */
@ApplicationScoped
public class OidcSignInService {
    private final OidcConfig config;
    private final OidcProvider provider;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    private final Set<JWSAlgorithm> algorithms;

    public OidcSignInService(OidcConfig config, OidcProvider provider, SessionService sessions, AuditLog audit) {
        this.config = config;
        this.provider = provider;
        this.sessions = sessions;
        this.audit = audit;
        this.algorithms = config.algorithms().stream().map(a -> JWSAlgorithm.parse(a.trim()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A half configuration, a symmetric algorithm or an unknown scope stops start-up rather than fail at sign-in. */
    void check(@Observes StartupEvent event) {
        if (config.halfConfigured()) {
            throw new IllegalStateException("herald.api.oidc: issuer, client-id and client-secret must be set "
                    + "together (OpenID Connect sign-in stays off while none is set)");
        }
        for (JWSAlgorithm algorithm : algorithms) {
            if (!IdTokenVerifier.ASYMMETRIC.contains(algorithm)) {
                throw new IllegalStateException("herald.api.oidc.algorithms: " + algorithm + " is not accepted; "
                        + "list only RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512");
            }
        }
        for (String scope : config.autoProvision().scopes()) {
            if (!Scopes.ALL.contains(scope.trim())) {
                throw new IllegalStateException("herald.api.oidc.auto-provision.scopes: unknown scope '" + scope
                        + "'; expected some of " + String.join(", ", Scopes.ALL));
            }
        }
        if (config.enabled()) {
            Log.infof("OpenID Connect sign-in: issuer %s, client %s, operators matched by '%s'%s",
                    config.issuer().get(), config.clientId().get(), config.claim(),
                    autoProvisioning() ? ", new operators created for " + describeAutoProvision() : "");
        }
    }

    public record SignInRequest(
            @JsonProperty("code") String code,
            @JsonProperty("redirect_uri") @Schema(example = "https://status.example.org/admin/login/oidc/callback")
            String redirectUri,
            @JsonProperty("code_verifier") String codeVerifier,
            @JsonProperty("nonce") String nonce) {
    }

    /** What status-web needs to send a browser to the provider; nothing secret. */
    public record ProviderBody(
            @JsonProperty("issuer") String issuer,
            @JsonProperty("authorization_endpoint") String authorizationEndpoint,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("scopes") String scopes) {
    }

    public Uni<ProviderBody> provider() {
        if (!config.enabled()) {
            return Uni.createFrom().failure(OidcProblems.notConfigured());
        }
        return provider.metadata().map(found -> new ProviderBody(found.issuer(), found.authorizationEndpoint(),
                config.clientId().get(), config.scopes()));
    }

    public Uni<SessionBody> signIn(SignInRequest request) {
        if (!config.enabled()) {
            return Uni.createFrom().failure(OidcProblems.notConfigured());
        }
        if (request == null) {
            return Uni.createFrom().failure(ProblemException.badRequest("invalid-body", "Invalid body",
                    "The body must be a JSON object with code, redirect_uri, code_verifier and nonce."));
        }
        String code = required("code", request.code());
        String redirectUri = required("redirect_uri", request.redirectUri());
        String verifier = required("code_verifier", request.codeVerifier());
        String nonce = required("nonce", request.nonce());
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            return Uni.createFrom().failure(ProblemException.invalidField("code_verifier", "The field "
                    + "'code_verifier' must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)."));
        }
        return provider.exchange(code, redirectUri, verifier)
                .flatMap(idToken -> provider.metadata().flatMap(found -> verified(idToken, found.issuer(), nonce)))
                .flatMap(claims -> operatorFor(claims))
                .flatMap(operator -> sessions.open(operator, "oidc"));
    }

    private Uni<JWTClaimsSet> verified(String idToken, String issuer, String nonce) {
        SignedJWT token;
        try {
            token = IdTokenVerifier.parse(idToken, algorithms);
        } catch (IdTokenVerifier.Rejected e) {
            return Uni.createFrom().failure(refused(e));
        }
        IdTokenVerifier.Expected expected = new IdTokenVerifier.Expected(issuer, config.clientId().get(), nonce,
                algorithms, config.clockSkew());
        return provider.keys()
                .flatMap(keys -> IdTokenVerifier.candidateKeys(token, keys).isEmpty()
                        // a key this set lacks: the provider may have rotated its keys since they were fetched
                        ? provider.refreshedKeys().map(fresh -> fresh == null ? keys : fresh)
                        : Uni.createFrom().item(keys))
                .map(keys -> verify(token, keys, expected));
    }

    private JWTClaimsSet verify(SignedJWT token, JWKSet keys, IdTokenVerifier.Expected expected) {
        try {
            return IdTokenVerifier.verify(token, keys, expected, clock.instant());
        } catch (IdTokenVerifier.Rejected e) {
            throw refused(e);
        }
    }

    private static ProblemException refused(IdTokenVerifier.Rejected e) {
        Log.infof("OpenID Connect sign-in refused: %s", e.getMessage());
        return OidcProblems.rejected(e.getMessage() + " Sign in again.");
    }

    /** The operator linked to this identity, else the one its claim names (then linked), else a new one if allowed. */
    private Uni<OperatorEntity> operatorFor(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        return Panache.withTransaction(() -> OperatorEntity.<OperatorEntity>find(
                "oidcIssuer = ?1 and oidcSubject = ?2", issuer, subject).firstResult().flatMap(linked -> {
                    if (linked != null) {
                        return Uni.createFrom().item(linked);
                    }
                    return matchAndLink(claims);
                }))
                // Two first sign-ins of the same new identity at once: the second insert or link breaks a unique
                // index; tried again, it finds the operator the first one stored.
                .onFailure(OidcSignInService::uniqueViolation).retry().atMost(1);
    }

    private static boolean sameIdentity(OperatorEntity operator, JWTClaimsSet claims) {
        return claims.getSubject().equals(operator.oidcSubject) && claims.getIssuer().equals(operator.oidcIssuer);
    }

    static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private Uni<OperatorEntity> matchAndLink(JWTClaimsSet claims) {
        String claim = config.claim();
        String value = text(claims.getClaim(claim));
        if (value == null) {
            throw notAllowed("The provider's ID token has no '" + claim + "' claim, which names the operator "
                    + "(herald.api.oidc.claim); ask the provider to send it (scope 'email' or 'profile').");
        }
        boolean byEmail = "email".equals(claim);
        if (byEmail && !emailNotUnverified(claims)) {
            throw notAllowed("The provider says the email address " + value + " is not verified; verify it there, "
                    + "then sign in again.");
        }
        Uni<OperatorEntity> match = byEmail
                ? OperatorEntity.<OperatorEntity>find("lower(email) = ?1", value.toLowerCase(Locale.ROOT))
                        .firstResult().flatMap(found -> found != null ? Uni.createFrom().item(found)
                                : OperatorEntity.<OperatorEntity>find("email is null and lower(username) = ?1",
                                        value.toLowerCase(Locale.ROOT)).firstResult())
                : OperatorEntity.<OperatorEntity>find("username", value).firstResult();
        return match.flatMap(found -> {
            if (found == null) {
                return provision(claims, value, byEmail);
            }
            if (sameIdentity(found, claims)) {
                return Uni.createFrom().item(found); // linked by a sign-in that ran at the same time
            }
            if (found.oidcSubject != null) {
                throw notAllowed("The operator '" + found.username + "' is linked to another identity at the "
                        + "provider; an administrator must remove and add that operator again to link you.");
            }
            found.oidcIssuer = claims.getIssuer();
            found.oidcSubject = claims.getSubject();
            if (byEmail && found.email == null) {
                found.email = value;
            }
            Actor actor = new Actor("user:" + found.username, Scopes.parse(found.scopes), null);
            return audit.record(actor, "user.link", "user:" + found.id, null,
                    Map.of("oidc_issuer", found.oidcIssuer, "oidc_subject", found.oidcSubject))
                    .replaceWith(found);
        });
    }

    private Uni<OperatorEntity> provision(JWTClaimsSet claims, String value, boolean byEmail) {
        String email = text(claims.getClaim("email"));
        String verifiedEmail = email != null && emailNotUnverified(claims) ? email : null;
        List<String> domains = config.autoProvision().emailDomains().orElse(List.of());
        List<String> groups = config.autoProvision().groups().orElse(List.of());
        if (!AutoProvisionRule.allows(domains, groups, verifiedEmail, groupsOf(claims))) {
            Log.infof("OpenID Connect sign-in of a person who is not an operator refused");
            throw notAllowed(value + " signed in at the provider but is not a Herald operator: an administrator "
                    + "must add them first (POST /api/v1/admin/users with " + (byEmail ? "this email" : "this username")
                    + ").");
        }
        if (!value.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw notAllowed("'" + value + "' cannot be an operator's username (letters, digits and . _ @ - only); "
                    + "an administrator must add this operator.");
        }
        return OperatorEntity.<OperatorEntity>find("username", value).firstResult().flatMap(existing -> {
            if (existing != null && sameIdentity(existing, claims)) {
                return Uni.createFrom().item(existing); // created by a sign-in that ran at the same time
            }
            if (existing != null) {
                throw notAllowed("An operator named '" + value + "' exists but is not linked to this identity; an "
                        + "administrator must give that operator this email address.");
            }
            OperatorEntity operator = new OperatorEntity();
            operator.username = value;
            String name = text(claims.getClaim("name"));
            operator.displayName = name == null ? value : name.length() > 200 ? name.substring(0, 200) : name;
            operator.email = byEmail ? value : null;
            operator.scopes = Scopes.format(config.autoProvision().scopes().stream().map(String::trim).toList());
            operator.oidcIssuer = claims.getIssuer();
            operator.oidcSubject = claims.getSubject();
            operator.createdAt = Instant.now();
            return operator.<OperatorEntity>persist().call(saved -> audit.record(new Actor("oidc", Set.of(), null),
                    "user.create", "user:" + saved.id, null, UserBody.of(saved)));
        });
    }

    /** The provider did not mark the address unverified (email_verified absent, or true). */
    private static boolean emailNotUnverified(JWTClaimsSet claims) {
        Object verified = claims.getClaim("email_verified");
        return verified == null || Boolean.TRUE.equals(verified) || "true".equals(verified);
    }

    /** The groups claim's values; a dotted name reaches into objects (Keycloak's realm_access.roles). */
    private Collection<String> groupsOf(JWTClaimsSet claims) {
        Object value = claims.getClaims();
        for (String part : config.autoProvision().groupsClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> {
                if (item != null) {
                    groups.add(item.toString());
                }
            });
        } else if (value instanceof String single) {
            groups.add(single);
        }
        return groups;
    }

    private boolean autoProvisioning() {
        return config.autoProvision().emailDomains().filter(l -> !l.isEmpty()).isPresent()
                || config.autoProvision().groups().filter(l -> !l.isEmpty()).isPresent();
    }

    private String describeAutoProvision() {
        List<String> parts = new ArrayList<>();
        config.autoProvision().emailDomains().ifPresent(d -> parts.add("email domains " + d));
        config.autoProvision().groups().ifPresent(g -> parts.add("groups " + g));
        return String.join(" and ", parts);
    }

    private static ProblemException notAllowed(String detail) {
        return OidcProblems.notAllowed(detail);
    }

    private static String text(Object claim) {
        return claim instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "The field '" + field + "' is required.");
        }
        return value.trim();
    }
}
