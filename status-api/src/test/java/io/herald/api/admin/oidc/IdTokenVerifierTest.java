package io.herald.api.admin.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ID token rules, one row per rule, with real RSA and EC signatures. */
class IdTokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final IdTokenVerifier.Expected EXPECTED = new IdTokenVerifier.Expected("https://idp.example.org",
            "herald", "nonce-1", IdTokenVerifier.ASYMMETRIC, Duration.ofSeconds(60));
    private static RSAKey rsa;
    private static ECKey ec;
    private static JWKSet keys;

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        keys = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
    }

    private static JWTClaimsSet.Builder good() {
        return new JWTClaimsSet.Builder().issuer("https://idp.example.org").audience("herald").subject("u-1")
                .issueTime(Date.from(NOW.minusSeconds(5))).expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("nonce", "nonce-1");
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    private static void verify(String token) throws IdTokenVerifier.Rejected {
        SignedJWT parsed = IdTokenVerifier.parse(token, IdTokenVerifier.ASYMMETRIC);
        IdTokenVerifier.verify(parsed, keys, EXPECTED, NOW);
    }

    @Test
    void shouldAcceptRs256AndEs256TokensThatFollowEveryRule() throws Exception {
        verify(rs256(good().build()));
        SignedJWT es = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), good().build());
        es.sign(new ECDSASigner(ec));
        verify(es.serialize());
        // several audiences are fine when the authorized party is this client
        verify(rs256(good().audience(List.of("herald", "api")).claim("azp", "herald").build()));
        // within the clock skew
        verify(rs256(good().expirationTime(Date.from(NOW.minusSeconds(30))).build()));
        verify(rs256(good().issueTime(Date.from(NOW.plusSeconds(30))).build()));
    }

    @Test
    void shouldRefuseEachBrokenClaimWithAReason() throws Exception {
        Object[][] table = {
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.issuer("https://evil.example.org"), "issued by"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.audience("other"), "not for this client"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.audience((String) null), "not for this client"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.audience(List.of("herald", "api")), "several audiences"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.claim("azp", "other"), "another client"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.expirationTime(Date.from(NOW.minusSeconds(61))), "expired"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.expirationTime(null), "no expiry"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.issueTime(Date.from(NOW.plusSeconds(61))), "future"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.issueTime(null), "no issue time"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.notBeforeTime(Date.from(NOW.plusSeconds(120))), "not valid before"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.claim("nonce", "nonce-2"), "nonce"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.claim("nonce", null), "nonce"},
                {(UnaryOperator<JWTClaimsSet.Builder>) c -> c.subject(null), "no subject"},
        };
        for (Object[] row : table) {
            @SuppressWarnings("unchecked")
            UnaryOperator<JWTClaimsSet.Builder> change = (UnaryOperator<JWTClaimsSet.Builder>) row[0];
            String token = rs256(change.apply(good()).build());
            assertThatThrownBy(() -> verify(token)).as("row %s", row[1])
                    .isInstanceOf(IdTokenVerifier.Rejected.class).hasMessageContaining((String) row[1]);
        }
    }

    @Test
    void shouldRefuseUnsignedSymmetricAndForeignlySignedTokens() throws Exception {
        String unsigned = new com.nimbusds.jwt.PlainJWT(good().build()).serialize();
        assertThatThrownBy(() -> verify(unsigned)).hasMessageContaining("not signed");

        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), good().build());
        hs.sign(new com.nimbusds.jose.crypto.MACSigner(new byte[32]));
        assertThatThrownBy(() -> verify(hs.serialize())).hasMessageContaining("HS256");

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                good().build());
        forged.sign(new RSASSASigner(stranger));
        assertThatThrownBy(() -> verify(forged.serialize())).hasMessageContaining("signature");

        // a token's signature bytes moved onto other claims
        String[] parts = rs256(good().build()).split("\\.");
        String[] other = rs256(good().subject("admin").build()).split("\\.");
        assertThatThrownBy(() -> verify(other[0] + "." + other[1] + "." + parts[2])).hasMessageContaining("signature");

        assertThatThrownBy(() -> IdTokenVerifier.parse("not-a-jwt", IdTokenVerifier.ASYMMETRIC))
                .hasMessageContaining("not a JWT");
        // RS256 configured away: refused even with a good signature
        assertThatThrownBy(() -> IdTokenVerifier.parse(rs256(good().build()), java.util.Set.of(JWSAlgorithm.ES256)))
                .hasMessageContaining("not accepted");
    }

    @Test
    void shouldFindNoCandidateKeyForAnUnknownKid() throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(),
                good().build());
        token.sign(new RSASSASigner(rsa));
        assertThat(IdTokenVerifier.candidateKeys(SignedJWT.parse(token.serialize()), keys)).isEmpty();
        assertThat(IdTokenVerifier.candidateKeys(SignedJWT.parse(rs256(good().build())), keys)).hasSize(1);
    }
}
