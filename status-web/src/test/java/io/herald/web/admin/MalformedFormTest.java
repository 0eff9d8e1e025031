package io.herald.web.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A form body that cannot be decoded (a bad percent escape) is a 400 in words, never a 500, on every form. */
@QuarkusTest
class MalformedFormTest {
    private static final List<String> BODIES = List.of("username=%zz&password=%", "csrf=%", "%=%", "a=%E", "a=%%%",
            "csrf=ok&name=%G0", "name=%C0%AF", "name=%ED%A0%80", "=&&=", "a=b;c");
    private FakeStatusApi api;

    @BeforeEach
    void noCalls() {
        api = FakeStatusApi.shared();
        api.clearCalls();
    }

    @Test
    void shouldAnswerABadPercentEscapeWithA400() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var route : AdminFormsCsrfTest.routes()) {
            for (String body : BODIES) {
                for (String accept : List.of("application/problem+json", "text/html")) {
                    Response answer = given().redirects().follow(false).urlEncodingEnabled(false).accept(accept)
                            .cookie("herald_admin", "some-session").cookie("herald_login_csrf", "x")
                            .contentType("application/x-www-form-urlencoded").body(body)
                            .request(route.method(), route.path());
                    if (answer.statusCode() >= 500) {
                        wrong.add(route + " " + body + " " + accept + ": " + answer.statusCode() + " "
                                + answer.asString());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(api.calls()).as("nothing reached status-api").allMatch(c -> c.method().equals("GET"));
    }

    @Test
    void shouldAnswerAFormOfAnotherMediaTypeWithA4xx() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var route : AdminFormsCsrfTest.routes()) {
            for (String type : List.of("application/x-www-form-urlencoded; charset=no-such-charset",
                    "multipart/form-data; boundary=x", "multipart/form-data", "text/plain", "application/json",
                    "application/x-www-form-urlencoded; boundary=\"", "*/*", ";;;")) {
                int status = io.herald.web.support.RawHttp.status(route.method(), route.path(),
                        "--x\r\nContent-Disposition: form-data; name=%zz\r\n\r\n%\r\n--x", "Content-Type: " + type,
                        "Cookie: herald_admin=some-session");
                if (status >= 500) {
                    wrong.add(route + " " + type + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldSayWhatIsWrongWithTheForm() {
        Response json = given().urlEncodingEnabled(false).accept("application/problem+json")
                .contentType("application/x-www-form-urlencoded").body("username=%zz&password=%")
                .post("/admin/login");
        json.then().statusCode(400);
        assertThat(json.contentType()).startsWith("application/problem+json");
        assertThat(json.jsonPath().getString("detail")).contains("percent");
        Response page = given().urlEncodingEnabled(false).accept("text/html")
                .contentType("application/x-www-form-urlencoded").body("username=%zz&password=%")
                .post("/admin/login");
        page.then().statusCode(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("percent");
    }
}
