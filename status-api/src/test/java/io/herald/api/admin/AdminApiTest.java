package io.herald.api.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.herald.api.db.SafeContext;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.TestStores;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminApiTest extends IsolatedTest {
    private static final String BOOTSTRAP = "test-bootstrap-admin-token";

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    Vertx vertx;

    @BeforeEach
    void tokens() {
        cleanSlate();
        for (String scope : Scopes.ALL) {
            TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".api_token (name, scopes, secret_sha256, created_at) "
                    + "VALUES ('" + scope + "', '" + scope + "', '" + TokenHash.sha256Hex(token(scope)) + "', now())");
        }
    }

    private static String token(String scope) {
        return "test-token-" + scope.replace(':', '-');
    }

    /** Checks 401 without a token and with a bad one, 403 with every token lacking the scope; then calls it right. */
    private Response guarded(String method, String path, Object body, String scope) {
        call(method, path, body, null).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        call(method, path, body, "not-a-token").then().statusCode(401).contentType("application/problem+json");
        for (String other : Scopes.ALL) {
            if (!other.equals(scope) && !other.equals(Scopes.ADMIN)) {
                call(method, path, body, token(other)).then().statusCode(403)
                        .contentType("application/problem+json").body("detail", containsString(scope));
            }
        }
        return call(method, path, body, token(scope));
    }

    private static Response call(String method, String path, Object body, String token) {
        var request = given().contentType("application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.body(body);
        }
        return request.request(method, path);
    }

    @Test
    void shouldGuardEveryIncidentEndpointAndAuditTheChanges() {
        String id = guarded("POST", "/api/v1/admin/incidents", Map.of("name", "Mail provider change", "status",
                "identified", "impact", "major", "body", "Some users cannot connect.", "components",
                Map.of("smtp", "partial_outage"), "deliver_notifications", true), Scopes.INCIDENTS_WRITE)
                .then().statusCode(201).body("name", equalTo("Mail provider change"))
                .body("automatic", equalTo(false))
                .body("incident_updates[0].affected_components[0].new_status", equalTo("partial_outage"))
                .extract().path("id");
        given().get("/api/v2/incidents/unresolved.json").then().body("incidents", hasSize(1));
        given().get("/api/v2/status.json").then().body("status.indicator", equalTo("major"));

        String edited = guarded("PATCH", "/api/v1/admin/incidents/" + id, Map.of("impact", "critical"),
                Scopes.INCIDENTS_WRITE).then().statusCode(200).body("impact", equalTo("critical"))
                .extract().path("updated_at");
        // The page's updated_at follows incident edits, not only component changes (Statuspage's meaning).
        given().get("/api/v2/summary.json").then().body("page.updated_at", equalTo(edited));
        guarded("POST", "/api/v1/admin/incidents/" + id + "/updates", Map.of("status", "monitoring", "body",
                "A fix is in place."), Scopes.INCIDENTS_WRITE).then().statusCode(201)
                .body("incident_updates", hasSize(2)).body("monitoring_at", org.hamcrest.Matchers.notNullValue());
        guarded("POST", "/api/v1/admin/incidents/" + id + "/resolve", Map.of(), Scopes.INCIDENTS_WRITE)
                .then().statusCode(200).body("status", equalTo("resolved"));
        call("POST", "/api/v1/admin/incidents/" + id + "/resolve", Map.of(), token(Scopes.INCIDENTS_WRITE))
                .then().statusCode(409).contentType("application/problem+json");
        call("POST", "/api/v1/admin/incidents/" + id + "/updates", Map.of("status", "investigating", "body", "x"),
                token(Scopes.INCIDENTS_WRITE)).then().statusCode(409);
        call("PATCH", "/api/v1/admin/incidents/999999", Map.of("name", "x"), token(Scopes.ADMIN))
                .then().statusCode(404).contentType("application/problem+json");
        call("POST", "/api/v1/admin/incidents", Map.of("name", "x", "status", "broken", "body", "y"),
                token(Scopes.INCIDENTS_WRITE)).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'status'"));
        call("POST", "/api/v1/admin/incidents", Map.of("status", "identified", "body", "y"),
                token(Scopes.INCIDENTS_WRITE)).then().statusCode(400).body("detail", containsString("'name'"))
                .body("type", equalTo("https://herald.io/problems/invalid-field")).body("field", equalTo("name"));
        call("POST", "/api/v1/admin/incidents", Map.of("name", "x", "body", "y", "components", Map.of("nope",
                "major_outage")), token(Scopes.INCIDENTS_WRITE)).then().statusCode(400)
                .body("detail", containsString("'components'"));

        given().header("Authorization", "Bearer " + token(Scopes.INCIDENTS_WRITE)).contentType("application/json")
                .body("{\"name\": \"x\", \"body\": \"y\", \"components\": [\"smtp\"]}")
                .post("/api/v1/admin/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'components'"));
        given().header("Authorization", "Bearer " + token(Scopes.INCIDENTS_WRITE)).contentType("application/json")
                .body("{not json").post("/api/v1/admin/incidents").then().statusCode(400)
                .contentType("application/problem+json");

        given().header("Authorization", "Bearer " + token(Scopes.AUDIT_READ)).get("/api/v1/admin/audit").then()
                .statusCode(200)
                .body("entries[0].action", equalTo("incident.resolve"))
                .body("entries[0].actor", equalTo("token:incidents:write"))
                .body("entries[0].target", equalTo("incident:" + id))
                .body("entries[0].before.status", equalTo("monitoring"))
                .body("entries[0].after.status", equalTo("resolved"))
                .body("entries[3].action", equalTo("incident.create"))
                .body("entries[3].before", org.hamcrest.Matchers.nullValue());
        guarded("GET", "/api/v1/admin/audit?limit=1", null, Scopes.AUDIT_READ).then().statusCode(200)
                .body("entries", hasSize(1));
    }

    @Test
    void shouldGuardTemplates() {
        Map<String, String> template = Map.of("name", "Provider", "title", "Email: some users cannot connect",
                "body", "We are investigating.", "status", "investigating", "impact", "major");
        String id = guarded("POST", "/api/v1/admin/incident-templates", template, Scopes.INCIDENTS_WRITE)
                .then().statusCode(201).extract().path("id");
        guarded("GET", "/api/v1/admin/incident-templates", null, Scopes.INCIDENTS_WRITE).then().statusCode(200)
                .body("incident_templates", hasSize(1)).body("incident_templates[0].title",
                        equalTo("Email: some users cannot connect"));
        guarded("PUT", "/api/v1/admin/incident-templates/" + id, Map.of("name", "Provider", "title", "T", "body",
                "B", "status", "identified", "impact", "minor"), Scopes.INCIDENTS_WRITE).then().statusCode(200)
                .body("status", equalTo("identified"));
        guarded("DELETE", "/api/v1/admin/incident-templates/" + id, null, Scopes.INCIDENTS_WRITE).then()
                .statusCode(204);
        call("DELETE", "/api/v1/admin/incident-templates/" + id, null, token(Scopes.ADMIN)).then().statusCode(404);
    }

    @Test
    void shouldGuardMaintenanceAndShowItsComponentsUnderMaintenanceWhileInProgress() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(1));
        String id = guarded("POST", "/api/v1/admin/maintenances", Map.of("name", "Mail upgrade", "body",
                "Mail may pause.", "scheduled_for", now.plusHours(1).toString(), "scheduled_until",
                now.plusHours(2).toString(), "components", List.of("imap"), "auto_transition", true),
                Scopes.MAINTENANCE_WRITE).then().statusCode(201).body("status", equalTo("scheduled"))
                .body("impact", equalTo("maintenance")).extract().path("id");
        given().get("/api/v2/scheduled-maintenances/upcoming.json").then().body("scheduled_maintenances", hasSize(1));

        guarded("PATCH", "/api/v1/admin/maintenances/" + id, Map.of("status", "in_progress"),
                Scopes.MAINTENANCE_WRITE).then().statusCode(200).body("status", equalTo("in_progress"));
        given().get("/api/v2/scheduled-maintenances/active.json").then().body("scheduled_maintenances", hasSize(1));
        given().get("/api/v2/components.json").then()
                .body("components.find { it.id == 'imap' }.status", equalTo("under_maintenance"));
        call("PATCH", "/api/v1/admin/maintenances/" + id, Map.of("status", "scheduled"), token(Scopes.ADMIN))
                .then().statusCode(409);

        guarded("POST", "/api/v1/admin/maintenances/" + id + "/cancel", null, Scopes.MAINTENANCE_WRITE).then()
                .statusCode(200).body("status", equalTo("completed"));
        call("POST", "/api/v1/admin/maintenances/" + id + "/cancel", null, token(Scopes.ADMIN)).then()
                .statusCode(409);
        given().get("/api/v2/components.json").then()
                .body("components.find { it.id == 'imap' }.status", equalTo("operational"));
        call("POST", "/api/v1/admin/maintenances", Map.of("name", "x", "scheduled_for", "tomorrow",
                "scheduled_until", now.toString(), "components", List.of("imap")), token(Scopes.ADMIN))
                .then().statusCode(400).body("detail", containsString("'scheduled_for'"));
    }

    @Test
    void shouldGuardOverridesAndShowTheOverriddenStatusUntilRemoved() {
        guarded("PUT", "/api/v1/admin/components/intranet/override", Map.of("status", "major_outage", "until",
                OffsetDateTime.now().plusHours(1).toString(), "reason", "Known outage at the provider"),
                Scopes.COMPONENTS_WRITE).then().statusCode(200).body("status", equalTo("major_outage"));
        given().get("/api/v1/status").then()
                .body("services.find { it.id == 'web' }.components[0].status", equalTo("major_outage"));
        guarded("DELETE", "/api/v1/admin/components/intranet/override", null, Scopes.COMPONENTS_WRITE).then()
                .statusCode(204);
        given().get("/api/v1/status").then()
                .body("services.find { it.id == 'web' }.components[0].status", equalTo("operational"));
        call("PUT", "/api/v1/admin/components/nope/override", Map.of("status", "major_outage", "until",
                OffsetDateTime.now().plusHours(1).toString()), token(Scopes.ADMIN)).then().statusCode(404);
        call("PUT", "/api/v1/admin/components/intranet/override", Map.of("status", "major_outage", "until",
                OffsetDateTime.now().minusHours(1).toString()), token(Scopes.ADMIN)).then().statusCode(400)
                .body("detail", containsString("'until'"));
    }

    @Test
    void shouldGuardTokensAndStoreOnlyTheirHash() {
        Response created = guarded("POST", "/api/v1/admin/tokens", Map.of("name", "bridge", "scopes",
                List.of("incidents:write")), Scopes.ADMIN);
        created.then().statusCode(201).body("name", equalTo("bridge"));
        String token = created.path("token");
        String id = created.path("id");
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".api_token WHERE secret_sha256 = '"
                + TokenHash.sha256Hex(token) + "'")).isEqualTo(1);
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".api_token WHERE secret_sha256 = '"
                + token + "'")).isZero();
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/incident-templates").then()
                .statusCode(200);
        guarded("GET", "/api/v1/admin/tokens", null, Scopes.ADMIN).then().statusCode(200)
                .body("tokens.find { it.name == 'bridge' }.scopes", equalTo(List.of("incidents:write")))
                .body("tokens.find { it.name == 'bridge' }.token", org.hamcrest.Matchers.nullValue());
        guarded("DELETE", "/api/v1/admin/tokens/" + id, null, Scopes.ADMIN).then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/v1/admin/incident-templates").then()
                .statusCode(401);
    }

    @Test
    void shouldLogOperatorsInWithBcryptPasswordsAndTheSameAnswerForAnyWrongCredential() {
        String id = guarded("POST", "/api/v1/admin/users", Map.of("username", "alice", "display_name", "Alice Martin",
                "password", "correct horse battery", "scopes", List.of("incidents:write")), Scopes.ADMIN)
                .then().statusCode(201).extract().path("id");
        assertThat(TestStores.string("SELECT password_bcrypt FROM " + TestStores.SCHEMA
                + ".operator WHERE username = 'alice'")).startsWith("$2");
        guarded("GET", "/api/v1/admin/users", null, Scopes.ADMIN).then().statusCode(200)
                .body("users.username", equalTo(List.of("alice")));

        String session = given().contentType("application/json")
                .body(Map.of("username", "alice", "password", "correct horse battery"))
                .post("/api/v1/auth/sessions").then().statusCode(201)
                .body("username", equalTo("alice")).body("display_name", equalTo("Alice Martin"))
                .body("scopes", equalTo(List.of("incidents:write")))
                .extract().path("token");
        given().header("Authorization", "Bearer " + session).get("/api/v1/admin/incident-templates").then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + session).get("/api/v1/admin/tokens").then().statusCode(403);

        String wrongPassword = given().contentType("application/json")
                .body(Map.of("username", "alice", "password", "wrong")).post("/api/v1/auth/sessions").then()
                .statusCode(401).contentType("application/problem+json").extract().asString();
        String unknownUser = given().contentType("application/json")
                .body(Map.of("username", "mallory", "password", "wrong")).post("/api/v1/auth/sessions").then()
                .statusCode(401).extract().asString();
        assertThat(unknownUser).isEqualTo(wrongPassword);

        given().header("Authorization", "Bearer " + session).get("/api/v1/auth/sessions/current").then()
                .statusCode(200).header("Cache-Control", "no-store").body("username", equalTo("alice"))
                .body("display_name", equalTo("Alice Martin")).body("scopes", equalTo(List.of("incidents:write")))
                .body("method", equalTo("password")).body("expires_at", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer " + token(Scopes.ADMIN)).get("/api/v1/auth/sessions/current").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + session).delete("/api/v1/auth/sessions/current").then()
                .statusCode(204);
        given().header("Authorization", "Bearer " + session).get("/api/v1/auth/sessions/current").then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + session).get("/api/v1/admin/incident-templates").then()
                .statusCode(401);
        given().delete("/api/v1/auth/sessions/current").then().statusCode(401);

        guarded("DELETE", "/api/v1/admin/users/" + id, null, Scopes.ADMIN).then().statusCode(204);
    }

    @Test
    void shouldAnswer404ForSingleSignOnWhenNoProviderIsConfigured() {
        given().get("/api/v1/auth/oidc").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://herald.io/problems/oidc-not-configured"));
        given().contentType("application/json").body(Map.of("code", "c", "redirect_uri", "https://x/cb",
                "code_verifier", "v".repeat(43), "nonce", "n")).post("/api/v1/auth/sessions/oidc").then()
                .statusCode(404).contentType("application/problem+json");
        // without a provider an operator without a password could never sign in
        call("POST", "/api/v1/admin/users", Map.of("username", "nopass", "email", "nopass@example.org", "scopes",
                List.of("incidents:write")), token(Scopes.ADMIN)).then().statusCode(400)
                .body("detail", containsString("'password'"));
    }

    @Test
    void shouldBootstrapTheAdminTokenAndOperatorOnlyIntoEmptyTables() {
        TestStores.sql("DELETE FROM " + TestStores.SCHEMA + ".api_token");

        SafeContext.run(vertx, bootstrap::bootstrap).await().atMost(Duration.ofSeconds(10));

        given().header("Authorization", "Bearer " + BOOTSTRAP).get("/api/v1/admin/tokens").then().statusCode(200)
                .body("tokens", hasSize(1)).body("tokens[0].name", equalTo("bootstrap"))
                .body("tokens[0].scopes", equalTo(List.of("admin")));
        given().contentType("application/json")
                .body(Map.of("username", "root-operator", "password", "bootstrap operator password"))
                .post("/api/v1/auth/sessions").then().statusCode(201).body("scopes", equalTo(List.of("admin")));

        SafeContext.run(vertx, bootstrap::bootstrap).await().atMost(Duration.ofSeconds(10));
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".api_token")).isEqualTo(1);
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator")).isEqualTo(1);
    }

    @Test
    void shouldSlowPasswordGuessingPerOperatorName() {
        // The default bucket: 10 attempts at once for one name, whatever address they come from.
        for (int attempt = 1; attempt <= 10; attempt++) {
            given().contentType("application/json").body(Map.of("username", "Trudy", "password", "guess" + attempt))
                    .post("/api/v1/auth/sessions").then().statusCode(401);
        }
        given().contentType("application/json").body(Map.of("username", "trudy", "password", "guess11"))
                .post("/api/v1/auth/sessions").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .body("title", equalTo("Too many sign-in attempts"))
                .body("detail", org.hamcrest.Matchers.containsString("try again in"));
        // Another name is not held back by Trudy's attempts.
        given().contentType("application/json").body(Map.of("username", "victor", "password", "guess"))
                .post("/api/v1/auth/sessions").then().statusCode(401);
    }

    @Test
    void shouldChangeAnOperatorAndEndTheirSessionsWhenTheirRightsChange() {
        String id = call("POST", "/api/v1/admin/users", Map.of("username", "dora", "password", "dora's long passphrase",
                "email", "dora@example.org", "scopes", List.of("incidents:write", "maintenance:write")),
                token(Scopes.ADMIN)).then().statusCode(201).extract().path("id");
        call("POST", "/api/v1/admin/users", Map.of("username", "eve", "password", "eve's long passphrase",
                "email", "eve@example.org", "scopes", List.of("incidents:write")), token(Scopes.ADMIN)).then()
                .statusCode(201);
        String session = given().contentType("application/json")
                .body(Map.of("username", "dora", "password", "dora's long passphrase")).post("/api/v1/auth/sessions")
                .then().statusCode(201).extract().path("token");

        // A new name shown keeps the session.
        guarded("PATCH", "/api/v1/admin/users/" + id, Map.of("display_name", "Dora Explorer"), Scopes.ADMIN).then()
                .statusCode(200).body("display_name", equalTo("Dora Explorer")).body("email", equalTo("dora@example.org"))
                .body("scopes", equalTo(List.of("incidents:write", "maintenance:write")));
        given().header("Authorization", "Bearer " + session).get("/api/v1/auth/sessions/current").then()
                .statusCode(200).body("display_name", equalTo("Dora Explorer"));

        // Fewer rights end the session at once: no session keeps rights its operator lost.
        call("PATCH", "/api/v1/admin/users/" + id, Map.of("scopes", List.of("incidents:write"), "email", ""),
                token(Scopes.ADMIN)).then().statusCode(200).body("scopes", equalTo(List.of("incidents:write")))
                .body("email", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", "Bearer " + session).get("/api/v1/auth/sessions/current").then()
                .statusCode(401);
        assertThat(auditOf("user.update")).isEqualTo(2);

        call("PATCH", "/api/v1/admin/users/" + id, Map.of("email", "EVE@example.org"), token(Scopes.ADMIN)).then()
                .statusCode(409).contentType("application/problem+json");
        call("PATCH", "/api/v1/admin/users/" + id, Map.of("email", "not an address"), token(Scopes.ADMIN)).then()
                .statusCode(400).body("title", containsString("email"));
        call("PATCH", "/api/v1/admin/users/" + id, Map.of("scopes", List.of("everything")), token(Scopes.ADMIN))
                .then().statusCode(400).body("title", containsString("scopes"));
        call("PATCH", "/api/v1/admin/users/999999", Map.of("display_name", "x"), token(Scopes.ADMIN)).then()
                .statusCode(404).contentType("application/problem+json");
        call("PATCH", "/api/v1/admin/users/" + id, null, token(Scopes.ADMIN)).then().statusCode(400)
                .contentType("application/problem+json");

        for (String name : List.of("dora", "eve")) {
            String userId = given().header("Authorization", "Bearer " + token(Scopes.ADMIN)).get("/api/v1/admin/users")
                    .then().extract().path("users.find { it.username == '" + name + "' }.id");
            call("DELETE", "/api/v1/admin/users/" + userId, null, token(Scopes.ADMIN)).then().statusCode(204);
        }
    }

    private static long auditOf(String action) {
        return TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".audit_entry WHERE action = '" + action
                + "'");
    }
}
