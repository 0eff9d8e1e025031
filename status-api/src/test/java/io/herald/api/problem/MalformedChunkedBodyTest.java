package io.herald.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.api.support.IsolatedTest;
import io.herald.http.corpus.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A subscription whose chunked framing is broken, written on a raw socket as a faulty client would. */
@QuarkusTest
class MalformedChunkedBodyTest extends IsolatedTest {
    private static final String BODY = "{\"kind\":\"email\",\"email\":\"ops@example.org\"}";

    // 10: the chunk's data runs past its size; 2b: it announces one byte more than the 42 it has.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zz\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk size is not a hexadecimal number",
            "10\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk's data is not followed by CRLF",
            "2b\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk's data is not followed by CRLF"})
    void shouldAnswer400InWordsAndCloseCleanly(String chunks, String why) throws IOException {
        String answer = exchange(chunks.replace("\\r\\n", "\r\n").replace("@BODY@", BODY));

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"title\":\"Bad request\"")
                .contains("The request body is malformed: " + why);
    }

    private static String exchange(String chunks) throws IOException {
        return RawHttp.roundTrip(RestAssured.port, "POST /api/v1/subscribers HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
    }
}
