package io.herald.web.admin;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing route of the operators' pages, found by reflection over the JAX-RS resources of
 * io.herald.web.admin (so a new form cannot be left out), refuses a request without the form's CSRF token, with a
 * wrong one, and one sent from another site (Origin, or Referer without Origin) — and does so before the form is read.
 */
@QuarkusTest
class AdminFormsCsrfTest {
    private static final String TOKEN = "api-token-for-carol";
    private static final String LOGIN_CSRF = "login-csrf-of-this-browser";
    private static final List<Class<? extends Annotation>> WRITES = List.of(POST.class, PUT.class, PATCH.class,
            DELETE.class);
    /** Form fields a handler would refuse (422 at status-api, or worse) if it read them before the token. */
    private static final Map<String, String> INVALID_FORM = Map.of("name", "", "status", "no-such-status",
            "scheduled_for", "not a time", "component", "", "kind", "carrier-pigeon", "until", "yesterday");
    private FakeStatusApi api;
    private String session;

    record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void anOperatorSignedIn() {
        api = FakeStatusApi.shared();
        api.answer("POST /api/v1/auth/sessions", 201, "{\"token\":\"" + TOKEN + "\",\"expires_at\":\"2099-01-01T00:00:00Z\","
                + "\"username\":\"carol\",\"display_name\":\"Carol\",\"scopes\":[\"admin\"]}");
        api.answer("DELETE /api/v1/auth/sessions/current", 204, "");
        api.status(document("none", "2025-11-26T07:00:00Z", "1764147600000-" + System.nanoTime() % 1_000_000,
                service("email", "Email", "operational", component("imap-pop", "IMAP / POP", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").asString())
                .contains("id=\"component-imap-pop\""));
        Response form = given().get("/admin/login");
        session = given().redirects().follow(false).cookie("herald_login_csrf", form.cookie("herald_login_csrf"))
                .formParam("csrf", hidden(form.asString())).formParam("username", "carol")
                .formParam("password", "secret").post("/admin/login").then().statusCode(303).extract()
                .cookie("herald_admin");
        api.clearCalls();
    }

    @Test
    void shouldFindEveryFormOfTheOperatorsPages() throws IOException {
        assertThat(routes()).contains(new Route("POST", "/admin/login"), new Route("POST", "/admin/logout"),
                new Route("POST", "/admin/incidents"), new Route("POST", "/admin/incidents/77/updates"),
                new Route("POST", "/admin/incidents/77/resolve"), new Route("POST", "/admin/maintenances"),
                new Route("POST", "/admin/overrides"), new Route("POST", "/admin/subscribers"));
    }

    @Test
    void shouldRefuseEveryFormWithoutItsCsrfTokenBeforeReadingIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            for (String csrf : new String[] {null, "forged", "", csrfFor(route) + "x"}) {
                RequestSpecification request = operator().formParams(INVALID_FORM);
                if (csrf != null) {
                    request.formParam("csrf", csrf);
                }
                Response answer = request.request(route.method(), route.path());
                if (answer.statusCode() != 403) {
                    wrong.add(route + " csrf=" + csrf + ": " + answer.statusCode() + " " + answer.asString());
                } else if (!answer.contentType().startsWith("application/problem+json")
                        || !answer.jsonPath().getString("type").endsWith("/csrf-token")) {
                    wrong.add(route + " csrf=" + csrf + ": not a csrf-token problem: " + answer.asString());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(api.calls()).as("nothing reached status-api").isEmpty();
    }

    @Test
    void shouldRefuseEveryFormSentFromAnotherSite() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            for (Map<String, String> foreign : List.of(Map.of("Origin", "https://evil.example"),
                    Map.of("Origin", "null"), Map.of("Origin", "http://localhost:1"),
                    Map.of("Referer", "https://evil.example/page?next=/admin"),
                    Map.of("Origin", "https://evil.example", "Referer", "http://localhost:18080/admin"))) {
                Response answer = operator().headers(foreign).formParam("csrf", csrfFor(route))
                        .request(route.method(), route.path());
                if (answer.statusCode() != 403 || !answer.contentType().startsWith("application/problem+json")
                        || !answer.jsonPath().getString("type").equals("https://herald.io/problems/cross-site-form")) {
                    wrong.add(route + " " + foreign + ": " + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(api.calls()).as("nothing reached status-api").isEmpty();
    }

    @Test
    void shouldTakeEveryFormWithItsTokenFromThisSite() throws IOException {
        // the control: the same requests, from this site with the right token, are not refused
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            for (Map<String, String> own : List.of(Map.<String, String>of(),
                    Map.of("Origin", "http://localhost:18080"), Map.of("Referer", "http://localhost:18080/admin"))) {
                Response answer = operator().headers(own).formParam("csrf", csrfFor(route))
                        .request(route.method(), route.path());
                if (answer.statusCode() == 403) {
                    wrong.add(route + " " + own + ": " + answer.asString());
                }
                if (route.path().equals("/admin/logout")) {
                    anOperatorSignedIn();
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldShowABrowserTheRefusalInWords() {
        Response answer = operator().accept("text/html").header("Origin", "https://evil.example")
                .formParam("csrf", AdminSessions.csrf(TOKEN)).post("/admin/overrides");
        answer.then().statusCode(403);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.asString()).contains("<h1>Form refused</h1>", "another site");
    }

    private RequestSpecification operator() {
        return given().redirects().follow(false).accept("application/problem+json")
                .cookie("herald_admin", session).cookie("herald_login_csrf", LOGIN_CSRF);
    }

    private static String csrfFor(Route route) {
        return route.path().equals("/admin/login") ? LOGIN_CSRF : AdminSessions.csrf(TOKEN);
    }

    /** Every POST, PUT, PATCH or DELETE method of a JAX-RS resource of this package, path parameters filled in. */
    static List<Route> routes() throws IOException {
        List<Route> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(Paths.get("target/classes/io/herald/web/admin"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type;
                try {
                    type = Class.forName("io.herald.web.admin." + name, false, AdminFormsCsrfTest.class.getClassLoader());
                } catch (ClassNotFoundException | NoClassDefFoundError e) {
                    continue;
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = WRITES.stream().filter(method::isAnnotationPresent)
                            .map(a -> a.getAnnotation(HttpMethod.class).value()).findFirst().orElse(null);
                    if (verb == null) {
                        continue;
                    }
                    Path sub = method.getAnnotation(Path.class);
                    String path = root.value() + (sub == null ? "" : "/" + sub.value());
                    routes.add(new Route(verb, path.replaceAll("\\{[^}]+}", "77").replaceAll("/+", "/")));
                }
            }
        }
        return routes;
    }

    private static String hidden(String html) {
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\">").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
