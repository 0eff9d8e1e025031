package io.herald.api.admin.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.api.admin.TokenHash;
import io.herald.api.admin.oidc.TestOidcProvider.Token;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operators sign in through a real (test) OpenID Connect provider on a local port: status-api exchanges the code,
 * verifies the ID token against the provider's keys and opens a session in the real PostgreSQL.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.WithProvider.class)
class OidcSignInTest extends IsolatedTest {
    private static final String REDIRECT = "https://status.example.org/admin/login/oidc/callback";
    private static final String ADMIN = "Bearer test-oidc-admin-token";
    private TestOidcProvider provider;

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            TestOidcProvider provider = TestOidcProvider.shared();
            return Map.of("herald.api.oidc.issuer", provider.issuer(),
                    "herald.api.oidc.client-id", TestOidcProvider.CLIENT_ID,
                    "herald.api.oidc.client-secret", TestOidcProvider.CLIENT_SECRET,
                    "herald.api.oidc.auto-provision.email-domains", "auto.example.org",
                    "herald.api.oidc.auto-provision.scopes", "incidents:write",
                    "herald.api.oidc.jwks-min-refresh", "0s");
        }
    }

    @BeforeEach
    void anAdminToken() {
        cleanSlate();
        provider = TestOidcProvider.shared();
        provider.tokenEndpointStatus(200);
        provider.spoilNextToken(UnaryOperator.identity());
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".api_token (name, scopes, secret_sha256, created_at) "
                + "VALUES ('admin', 'admin', '" + TokenHash.sha256Hex("test-oidc-admin-token") + "', now())");
    }

    private static Map<String, Object> carol() {
        return Map.of("sub", "carol-subject-1", "email", "Carol@Example.org", "email_verified", true,
                "name", "Carol Chen");
    }

    private void addCarol() {
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(Map.of("username", "carol", "display_name", "Carol", "email", "carol@example.org",
                        "scopes", List.of("incidents:write", "audit:read")))
                .post("/api/v1/admin/users").then().statusCode(201)
                .body("email", equalTo("carol@example.org")).body("password", equalTo(false))
                .body("oidc_linked", equalTo(false));
    }

    /** One sign-in as a browser would make it: authorize at the provider, then hand the code to status-api. */
    private Response signIn(Map<String, Object> user, UnaryOperator<Token> spoiler) {
        provider.nextUser(user);
        provider.spoilNextToken(spoiler);
        String verifier = TestOidcProvider.random();
        String nonce = TestOidcProvider.random();
        String code = provider.authorize(REDIRECT, TestOidcProvider.random(), nonce, verifier);
        return exchange(code, verifier, nonce);
    }

    private static Response exchange(String code, String verifier, String nonce) {
        return given().contentType("application/json").body(Map.of("code", code, "redirect_uri", REDIRECT,
                "code_verifier", verifier, "nonce", nonce)).post("/api/v1/auth/sessions/oidc");
    }

    private static String auditActions() {
        return given().header("Authorization", ADMIN).get("/api/v1/admin/audit").then().statusCode(200).extract()
                .asString();
    }

    @Test
    void shouldDescribeTheProviderForStatusWeb() {
        given().get("/api/v1/auth/oidc").then().statusCode(200).header("Cache-Control", "no-store")
                .body("issuer", equalTo(provider.issuer()))
                .body("authorization_endpoint", equalTo(provider.issuer() + "/authorize"))
                .body("client_id", equalTo(TestOidcProvider.CLIENT_ID))
                .body("scopes", equalTo("openid email profile"));
        assertThat(given().get("/api/v1/auth/oidc").asString()).doesNotContain(TestOidcProvider.CLIENT_SECRET);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/auth/oidc'.get.responses.keySet()", org.hamcrest.Matchers.hasItems("200", "404",
                        "502"))
                .body("paths.'/api/v1/auth/sessions/oidc'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("201", "400", "401", "403", "404", "502"))
                .body("paths.'/api/v1/auth/sessions/current'.get.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "401"));
    }

    @Test
    void shouldOpenASessionForTheOperatorWithThatEmailLinkItAndAuditIt() {
        addCarol();
        String token = signIn(carol(), UnaryOperator.identity()).then().statusCode(201)
                .body("username", equalTo("carol")).body("display_name", equalTo("Carol"))
                .body("scopes", equalTo(List.of("incidents:write", "audit:read")))
                .extract().path("token");
        assertThat(token).startsWith("hrs_");
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/incident-templates").then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/tokens").then().statusCode(403);
        given().header("Authorization", "Bearer " + token).get("/api/v1/auth/sessions/current").then()
                .statusCode(200).body("username", equalTo("carol")).body("method", equalTo("oidc"));
        assertThat(TestStores.string("SELECT oidc_subject FROM " + TestStores.SCHEMA
                + ".operator WHERE username = 'carol'")).isEqualTo("carol-subject-1");
        given().header("Authorization", ADMIN).get("/api/v1/admin/audit").then().statusCode(200)
                .body("entries[0].action", equalTo("session.create"))
                .body("entries[0].actor", equalTo("user:carol"))
                .body("entries[0].after.method", equalTo("oidc"))
                .body("entries[1].action", equalTo("user.link"));

        // later sign-ins go by the linked subject, even when the provider's email changed
        Map<String, Object> renamed = Map.of("sub", "carol-subject-1", "email", "carol.chen@example.org",
                "email_verified", true);
        signIn(renamed, UnaryOperator.identity()).then().statusCode(201).body("username", equalTo("carol"));
        given().header("Authorization", "Bearer " + token).delete("/api/v1/auth/sessions/current").then()
                .statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/v1/auth/sessions/current").then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseACodeUsedTwice() {
        addCarol();
        provider.nextUser(carol());
        String verifier = TestOidcProvider.random();
        String nonce = TestOidcProvider.random();
        String code = provider.authorize(REDIRECT, "state", nonce, verifier);
        exchange(code, verifier, nonce).then().statusCode(201);
        exchange(code, verifier, nonce).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("invalid_grant"));
    }

    @Test
    void shouldRefuseAVerifierThatIsNotTheOneOfTheChallenge() {
        addCarol();
        provider.nextUser(carol());
        String nonce = TestOidcProvider.random();
        String code = provider.authorize(REDIRECT, "state", nonce, TestOidcProvider.random());
        exchange(code, TestOidcProvider.random(), nonce).then().statusCode(401)
                .body("detail", containsString("invalid_grant"));
    }

    @Test
    void shouldRefuseATokenWithAnotherNonce() {
        addCarol();
        signIn(carol(), t -> t.claims(c -> c.claim("nonce", "someone-elses-nonce"))).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("nonce"));
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator_session")).isZero();
    }

    @Test
    void shouldRefuseTokensThatAreNotForThisClientOrNotFromThisIssuer() {
        addCarol();
        signIn(carol(), t -> t.claims(c -> c.audience("another-client").claim("azp", null))).then().statusCode(401)
                .body("detail", containsString("not for this client"));
        signIn(carol(), t -> t.claims(c -> c.audience(List.of(TestOidcProvider.CLIENT_ID, "another-client"))
                .claim("azp", "another-client"))).then().statusCode(401).body("detail", containsString("azp"));
        signIn(carol(), t -> t.claims(c -> c.issuer("http://127.0.0.1:1/realms/evil"))).then().statusCode(401)
                .body("detail", containsString("issued by"));
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator_session")).isZero();
    }

    @Test
    void shouldRefuseAnExpiredToken() {
        addCarol();
        Instant past = Instant.now().minusSeconds(3600);
        signIn(carol(), t -> t.claims(c -> c.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))))
                .then().statusCode(401).body("detail", containsString("expired"));
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey() {
        addCarol();
        signIn(carol(), t -> new Token(t.claims(), "RS256", provider.strangerKey(null), false)).then().statusCode(401)
                .body("detail", containsString("signature"));
        signIn(carol(), t -> new Token(t.claims(), "RS256", provider.strangerKey("nobodys-key"), false)).then()
                .statusCode(401).body("detail", containsString("signature"));
    }

    @Test
    void shouldRefuseUnsignedAndSymmetricTokens() {
        addCarol();
        signIn(carol(), t -> new Token(t.claims(), "none", null, true)).then().statusCode(401)
                .body("detail", containsString("not signed"));
        signIn(carol(), t -> new Token(t.claims(), "HS256", null, false)).then().statusCode(401)
                .body("detail", containsString("HS256"));
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator_session")).isZero();
    }

    @Test
    void shouldFetchTheProvidersNewKeyAfterARotationAndKeepUsingTheCachedOne() {
        addCarol();
        signIn(carol(), UnaryOperator.identity()).then().statusCode(201);
        int fetches = provider.jwksFetches();
        signIn(carol(), UnaryOperator.identity()).then().statusCode(201);
        assertThat(provider.jwksFetches()).as("the cached keys are reused").isEqualTo(fetches);

        provider.rotateKey();
        signIn(carol(), UnaryOperator.identity()).then().statusCode(201);
        assertThat(provider.jwksFetches()).as("a token with a new kid fetches the keys again").isEqualTo(fetches + 1);
        signIn(carol(), UnaryOperator.identity()).then().statusCode(201);
        assertThat(provider.jwksFetches()).isEqualTo(fetches + 1);
    }

    @Test
    void shouldAnswer403ToSomeoneWhoIsNotAnOperator() {
        String detail = signIn(Map.of("sub", "dave-1", "email", "dave@example.org", "email_verified", true),
                UnaryOperator.identity()).then().statusCode(403).contentType("application/problem+json")
                .extract().path("detail");
        assertThat(detail).contains("dave@example.org", "an administrator must add them");
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator")).isZero();
    }

    @Test
    void shouldRefuseAnEmailTheProviderMarksUnverified() {
        addCarol();
        signIn(Map.of("sub", "mallory-1", "email", "carol@example.org", "email_verified", false),
                UnaryOperator.identity()).then().statusCode(403).body("detail", containsString("not verified"));
        assertThat(TestStores.string("SELECT oidc_subject FROM " + TestStores.SCHEMA
                + ".operator WHERE username = 'carol'")).isNull();
    }

    @Test
    void shouldNotLinkAnOperatorToASecondIdentity() {
        addCarol();
        signIn(carol(), UnaryOperator.identity()).then().statusCode(201);
        String firstSession = signIn(carol(), UnaryOperator.identity()).then().statusCode(201).extract()
                .path("token");
        Map<String, Object> newIdentity = Map.of("sub", "another-subject", "email", "carol@example.org",
                "email_verified", true);
        signIn(newIdentity, UnaryOperator.identity()).then().statusCode(403)
                .body("detail", containsString("another identity"));

        // An administrator forgets the old identity: the old one's sessions end, the new one links at its sign-in.
        String id = given().header("Authorization", ADMIN).get("/api/v1/admin/users").then().extract()
                .path("users.find { it.username == 'carol' }.id");
        given().header("Authorization", ADMIN).contentType("application/json").body(Map.of("unlink_oidc", true))
                .patch("/api/v1/admin/users/" + id).then().statusCode(200).body("oidc_linked", equalTo(false));
        given().header("Authorization", "Bearer " + firstSession).get("/api/v1/auth/sessions/current").then()
                .statusCode(401);
        signIn(newIdentity, UnaryOperator.identity()).then().statusCode(201).body("username", equalTo("carol"));
        signIn(carol(), UnaryOperator.identity()).then().statusCode(403);
    }

    @Test
    void shouldCreateOneOperatorWhenTheSameNewPersonSignsInTwiceAtOnce() throws Exception {
        Map<String, Object> hank = Map.of("sub", "hank-1", "email", "hank@auto.example.org", "email_verified", true);
        List<String[]> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            provider.nextUser(hank);
            provider.spoilNextToken(UnaryOperator.identity());
            String verifier = TestOidcProvider.random();
            String nonce = TestOidcProvider.random();
            codes.add(new String[] {provider.authorize(REDIRECT, TestOidcProvider.random(), nonce, verifier), verifier,
                    nonce});
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(codes.size());
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String[] code : codes) {
                answers.add(pool.submit(() -> exchange(code[0], code[1], code[2]).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                assertThat(answer.get()).as("each sign-in opens a session, none fails on the race").isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA
                + ".operator WHERE email = 'hank@auto.example.org'")).isEqualTo(1);
    }

    @Test
    void shouldCreateAnOperatorWhoseEmailDomainIsAllowed() {
        Map<String, Object> erin = Map.of("sub", "erin-1", "email", "erin@auto.example.org", "email_verified", true,
                "name", "Erin Auto");
        signIn(erin, UnaryOperator.identity()).then().statusCode(201).body("username", equalTo("erin@auto.example.org"))
                .body("display_name", equalTo("Erin Auto")).body("scopes", equalTo(List.of("incidents:write")));
        given().header("Authorization", ADMIN).get("/api/v1/admin/users").then().statusCode(200)
                .body("users[0].email", equalTo("erin@auto.example.org")).body("users[0].password", equalTo(false))
                .body("users[0].oidc_linked", equalTo(true));
        assertThat(auditActions()).contains("\"action\":\"user.create\"", "\"actor\":\"oidc\"");
        signIn(erin, UnaryOperator.identity()).then().statusCode(201);
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator")).isEqualTo(1);

        signIn(Map.of("sub", "frank-1", "email", "frank@auto.example.org", "email_verified", false),
                UnaryOperator.identity()).then().statusCode(403);
        signIn(Map.of("sub", "gina-1", "email", "gina@notauto.example.org", "email_verified", true),
                UnaryOperator.identity()).then().statusCode(403);
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator")).isEqualTo(1);
    }

    @Test
    void shouldAnswer502WhenTheTokenEndpointFails() {
        addCarol();
        provider.tokenEndpointStatus(500);
        signIn(carol(), UnaryOperator.identity()).then().statusCode(502).contentType("application/problem+json")
                .body("detail", containsString("HTTP 500"));
    }

    @Test
    void shouldNameAMissingField() {
        given().contentType("application/json").body(Map.of("code", "x", "redirect_uri", REDIRECT, "nonce", "n"))
                .post("/api/v1/auth/sessions/oidc").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'code_verifier'"));
    }

    @Test
    void shouldKeepPasswordlessOperatorsOutOfThePasswordLogin() {
        addCarol();
        given().contentType("application/json").body(Map.of("username", "carol", "password", "anything at all"))
                .post("/api/v1/auth/sessions").then().statusCode(401);
    }
}
