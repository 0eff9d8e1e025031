package io.herald.api.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.herald.api.admin.TokenHash;
import io.herald.api.support.IsolatedTest;
import io.herald.api.support.LogWatch;
import io.herald.api.support.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per fault the bad-input corpus and the auth matrix found in status-api. */
@io.quarkus.test.junit.QuarkusTest
class CorpusFindingsTest extends IsolatedTest {
    private static final String PASSWORD_HASH = "$2a$10$yT7mP8PVmj4eqlpa.xIetej7xhC1UREqjdy7C4xM3UHG4OSPXk0Ie";
    private static final String PASSWORD = "bootstrap operator password";
    private static final String ADMIN = "findings-admin-token";

    @BeforeEach
    void operatorAndToken() {
        cleanSlate();
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".operator (username, display_name, password_bcrypt, "
                + "scopes, created_at) VALUES ('findings-operator', 'F', '" + PASSWORD_HASH + "', 'admin', now())");
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".api_token (name, scopes, secret_sha256, created_at) "
                + "VALUES ('findings', 'admin', '" + TokenHash.sha256Hex(ADMIN) + "', now())");
    }

    @Test
    void shouldRefuseASignInPasswordLongerThanBcryptReadsInWordsWithoutAnError() {
        try (LogWatch log = LogWatch.start()) {
            for (String password : List.of("x".repeat(73), "é".repeat(37), PASSWORD + "x".repeat(60))) {
                given().contentType("application/json")
                        .body(Map.of("username", "findings-operator", "password", password))
                        .post("/api/v1/auth/sessions").then().statusCode(422)
                        .contentType("application/problem+json").body("field", equalTo("password"))
                        .body("detail", containsString("72 bytes"));
            }
            // 72 bytes exactly is a password like any other: wrong here, so 401.
            given().contentType("application/json").body(Map.of("username", "findings-operator", "password",
                    "x".repeat(72))).post("/api/v1/auth/sessions").then().statusCode(401);
            assertThat(log.errors()).isEmpty();
        }
    }

    @Test
    void shouldTreatAUsernameNoOperatorCanHaveAsUnknown() {
        try (LogWatch log = LogWatch.start()) {
            for (String username : List.of("findings\u0000operator", "x".repeat(5_000), "a b")) {
                given().contentType("application/json").body(Map.of("username", username, "password", PASSWORD))
                        .post("/api/v1/auth/sessions").then().statusCode(401)
                        .contentType("application/problem+json");
            }
            assertThat(log.errors()).isEmpty();
        }
    }

    @Test
    void shouldOpenASessionForEachOfManySignInsAtOnce() {
        List<CompletableFuture<Integer>> signIns = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                () -> given().contentType("application/json").body(Map.of("username", "findings-operator",
                        "password", PASSWORD)).post("/api/v1/auth/sessions").statusCode())).toList();
        assertThat(signIns.stream().map(CompletableFuture::join)).containsOnly(201);
        assertThat(TestStores.count("SELECT count(DISTINCT secret_sha256) FROM " + TestStores.SCHEMA
                + ".operator_session")).isEqualTo(8);
    }

    @Test
    void shouldOpenASessionWhenItsIdOrSecretIsTakenAlready() {
        // Rows written with explicit ids (a restore, a copy between databases) leave the id sequence behind them.
        TestStores.sql("INSERT INTO " + TestStores.SCHEMA + ".operator_session (id, operator_id, secret_sha256, "
                + "created_at, expires_at) SELECT n, o.id, 'restored-' || n, now(), now() + interval '1 hour' FROM "
                + TestStores.SCHEMA + ".operator o, generate_series(1, 2) n");
        TestStores.sql("SELECT setval('" + TestStores.SCHEMA + ".operator_session_id_seq', 1, false)");
        try (LogWatch log = LogWatch.start()) {
            given().contentType("application/json").body(Map.of("username", "findings-operator", "password",
                    PASSWORD)).post("/api/v1/auth/sessions").then().statusCode(201);
            assertThat(log.errors()).isEmpty();
        }
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator_session")).isEqualTo(3);
    }

    @Test
    void shouldRefuseABodyThatNamesAFieldTwice() {
        try (LogWatch log = LogWatch.start()) {
            given().contentType("application/json")
                    .body("{\"username\":\"findings-operator\",\"password\":\"a\",\"password\":\"" + PASSWORD + "\"}")
                    .post("/api/v1/auth/sessions").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'password' more than once"));
            given().contentType("application/json")
                    .body("{\"kind\":\"email\",\"kind\":\"webhook\",\"url\":\"https://127.0.0.1/twice\"}")
                    .post("/api/v1/subscribers").then().statusCode(400).body("detail", containsString("'kind'"));
            assertThat(log.errors()).isEmpty();
        }
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".subscriber")).isZero();
        assertThat(TestStores.count("SELECT count(*) FROM " + TestStores.SCHEMA + ".operator_session")).isZero();
    }

    @Test
    void shouldCancelAMaintenanceSentWithoutAContentType() {
        Instant start = Instant.now().plus(Duration.ofDays(3));
        String id = given().header("Authorization", "Bearer " + ADMIN).contentType("application/json")
                .body(Map.of("name", "Upgrade", "body", "Short break.", "scheduled_for", start.toString(),
                        "scheduled_until", start.plus(Duration.ofHours(1)).toString(), "components", List.of("imap")))
                .post("/api/v1/admin/maintenances").then().statusCode(201).extract().path("id").toString();
        io.herald.http.corpus.RawHttp.Answer answer = io.herald.http.corpus.RawHttp.exchange(
                io.restassured.RestAssured.port, io.herald.http.corpus.RawHttp.request("POST",
                        "/api/v1/admin/maintenances/" + id + "/cancel", Map.of("Authorization", "Bearer " + ADMIN),
                        new byte[0]), Duration.ofSeconds(10));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.text()).contains("\"status\":\"completed\"");
    }

    @Test
    void shouldListOperators() {
        given().header("Authorization", "Bearer " + ADMIN).get("/api/v1/admin/users").then().statusCode(200)
                .body("users.username", org.hamcrest.Matchers.hasItem("findings-operator"));
    }
}
