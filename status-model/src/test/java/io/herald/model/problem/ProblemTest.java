package io.herald.model.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.HeraldJson;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void shouldKeepAProblemThroughItsJsonAndLeaveOutAnAbsentField() {
        Problem plain = Problem.ofStatus(404, "There is nothing at this address.");
        assertThat(HeraldJson.write(plain)).isEqualTo("{\"type\":\"https://herald.io/problems/not-found\","
                + "\"title\":\"Not found\",\"status\":404,\"detail\":\"There is nothing at this address.\"}");
        Problem named = ProblemException.invalidField("email", "Give an email address such as ops@example.org.")
                .problem();
        assertThat(HeraldJson.read(HeraldJson.write(named), Problem.class)).isEqualTo(named);
        assertThat(named.field()).isEqualTo("email");
        assertThat(named.slug()).isEqualTo("invalid-field");
    }

    @Test
    void shouldNameEveryStatusWithOneTypeScheme() {
        Object[][] rows = {
                {400, "bad-request", "Bad request"}, {401, "unauthorized", "Unauthorized"},
                {403, "forbidden", "Forbidden"}, {404, "not-found", "Not found"},
                {405, "method-not-allowed", "Method not allowed"}, {406, "not-acceptable", "Not acceptable"},
                {409, "conflict", "Conflict"}, {413, "content-too-large", "Content too large"},
                {415, "unsupported-media-type", "Unsupported media type"},
                {422, "unprocessable-content", "Unprocessable content"},
                {429, "too-many-requests", "Too many requests"}, {500, "server-error", "Server error"},
                {502, "bad-gateway", "Bad gateway"}, {503, "service-unavailable", "Service unavailable"},
                {418, "http-418", "HTTP 418"}};
        for (Object[] row : rows) {
            Problem problem = Problem.ofStatus((int) row[0], "d");
            assertThat(problem.type()).isEqualTo(Problem.TYPE_BASE + row[1]);
            assertThat(problem.title()).isEqualTo(row[2]);
            assertThat(problem.status()).isEqualTo(row[0]);
        }
    }

    @Test
    void shouldReadAForeignProblem() {
        Problem foreign = HeraldJson.read("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"instance\":\"/x\"}", Problem.class);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.slug()).isEqualTo("about:blank");
        assertThat(foreign.detail()).isNull();
    }

    @Test
    void shouldCarryHeadersAndTheStatusOnTheException() {
        ProblemException limited = new ProblemException(Problem.ofStatus(429, "Wait a minute."),
                java.util.Map.of("Retry-After", "60"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.getMessage()).isEqualTo("Wait a minute.");
        assertThat(limited.headers()).containsEntry("Retry-After", "60");
        assertThat(ProblemException.unprocessableField("/check", "no such check").problem().field()).isEqualTo("/check");
        Problem header = ProblemException.badParameter("Last-Event-ID", "Bad last event id", "d").problem();
        assertThat(header.slug()).isEqualTo("bad-last-event-id");
        assertThat(header.field()).isEqualTo("Last-Event-ID");
    }
}
