package io.herald.api.admin.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The ID token rules of OpenID Connect Core 1.0, 3.1.3.7, for the authorization code flow: signed (never
 * {@code alg: none}, never a symmetric algorithm) with one of the provider's keys, by this issuer, for this client,
 * not expired, not issued in the future, and carrying the nonce of this sign-in.
 */
public final class IdTokenVerifier {
    /** Only these may ever be configured: a token signed with a shared secret cannot prove who signed it. */
    public static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private IdTokenVerifier() {
    }

    /** What this sign-in expects of its ID token. */
    public record Expected(String issuer, String clientId, String nonce, Set<JWSAlgorithm> algorithms,
            Duration clockSkew) {
    }

    /** Why a token was refused; the message is shown to the operator. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** The token as a signed JWT with an accepted algorithm. */
    public static SignedJWT parse(String token, Set<JWSAlgorithm> algorithms) throws Rejected {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new Rejected("The ID token is not a JWT.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new Rejected("The ID token is not signed (alg " + jwt.getHeader().getAlgorithm() + ").");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!algorithms.contains(algorithm) || !ASYMMETRIC.contains(algorithm)) {
            throw new Rejected("The ID token is signed with " + algorithm + ", which is not accepted.");
        }
        return signed;
    }

    /** The provider's keys that could have signed this token (by kid when it names one, type, use and algorithm). */
    public static List<JWK> candidateKeys(SignedJWT token, JWKSet keys) {
        return new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader())).select(keys);
    }

    /** The verified claims, or why the token is refused. */
    public static JWTClaimsSet verify(SignedJWT token, JWKSet keys, Expected expected, Instant now) throws Rejected {
        if (!signedByOneOf(token, candidateKeys(token, keys))) {
            throw new Rejected("The ID token's signature does not match the provider's keys"
                    + (token.getHeader().getKeyID() == null ? "" : " (kid " + token.getHeader().getKeyID() + ")")
                    + ".");
        }
        JWTClaimsSet claims;
        try {
            claims = token.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejected("The ID token's claims are not valid JSON.");
        }
        checkClaims(claims, expected, now);
        return claims;
    }

    /** The claim rules alone (issuer, audience, azp, times, nonce, subject). */
    static void checkClaims(JWTClaimsSet claims, Expected expected, Instant now) throws Rejected {
        if (!expected.issuer().equals(claims.getIssuer())) {
            throw new Rejected("The ID token was issued by '" + claims.getIssuer() + "', not by '"
                    + expected.issuer() + "'.");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(expected.clientId())) {
            throw new Rejected("The ID token is meant for " + audience + ", not for this client.");
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !expected.clientId().equals(azp)) {
            throw new Rejected("The ID token was issued to another client (azp " + azp + ").");
        }
        if (audience.size() > 1 && azp == null) {
            throw new Rejected("The ID token names several audiences but no authorized party (azp).");
        }
        Duration skew = expected.clockSkew();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw new Rejected("The ID token has no expiry (exp).");
        }
        if (now.isAfter(expires.toInstant().plus(skew))) {
            throw new Rejected("The ID token expired at " + expires.toInstant() + ".");
        }
        Date issued = claims.getIssueTime();
        if (issued == null) {
            throw new Rejected("The ID token has no issue time (iat).");
        }
        if (issued.toInstant().isAfter(now.plus(skew))) {
            throw new Rejected("The ID token is issued in the future (" + issued.toInstant() + ").");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(skew))) {
            throw new Rejected("The ID token is not valid before " + notBefore.toInstant() + ".");
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String text) || !MessageDigest.isEqual(text.getBytes(StandardCharsets.UTF_8),
                expected.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw new Rejected("The ID token does not carry this sign-in's nonce.");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new Rejected("The ID token has no subject (sub).");
        }
    }

    private static boolean signedByOneOf(SignedJWT token, List<JWK> candidates) {
        DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
        for (JWK key : candidates) {
            if (!(key instanceof AsymmetricJWK asymmetric)) {
                continue;
            }
            try {
                JWSVerifier verifier = factory.createJWSVerifier(token.getHeader(), asymmetric.toPublicKey());
                if (token.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException | IllegalStateException wrongKey) {
                // a key of the right type that cannot check this signature: try the next one
            }
        }
        return false;
    }
}
