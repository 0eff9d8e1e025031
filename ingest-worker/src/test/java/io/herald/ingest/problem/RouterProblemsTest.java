package io.herald.ingest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.http.corpus.RawHttp;
import io.herald.ingest.support.TestEnvironment;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What Quarkus refuses before a resource sees it is still answered in words (problem+json), not an empty body. */
@QuarkusTest
class RouterProblemsTest {

    // The answer comes from the headers alone: the body is never sent, as a client waiting on 100-continue would do.
    @Test
    void shouldAnswer413InWordsWhenTheDeclaredBodyIsOverTheServerLimit() throws IOException {
        String answer = RawHttp.roundTrip(RestAssured.port, "POST /ingest/test-monitor HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestEnvironment.TOKEN + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2000000\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 413 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413")
                .contains("The body has 2000000 bytes; this server reads at most 1048576 bytes of a request.");
    }

    @Test
    void shouldAnswer400InWordsWithoutAHostHeader() throws IOException {
        String answer = RawHttp.roundTrip(RestAssured.port, "POST /ingest/test-monitor HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(answer).startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":400")
                .contains("Host header");
    }
}
