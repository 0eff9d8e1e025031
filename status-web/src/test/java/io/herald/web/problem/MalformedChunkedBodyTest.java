package io.herald.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.http.corpus.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An operator's sign-in form whose chunked framing is broken, written on a raw socket as a faulty client would. */
@QuarkusTest
class MalformedChunkedBodyTest {
    private static final String BODY = "username=admin&password=secret&csrf=x";

    // 10: the chunk's data runs past its size; 26: it announces one byte more than the 37 it has.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zz\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk size is not a hexadecimal number",
            "10\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk's data is not followed by CRLF",
            "26\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk's data is not followed by CRLF"})
    void shouldAnswer400InWordsAndCloseCleanly(String chunks, String why) throws IOException {
        String answer = exchange(chunks.replace("\\r\\n", "\r\n").replace("@BODY@", BODY));

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"title\":\"Bad request\"")
                .contains("The request body is malformed: " + why);
    }

    private static String exchange(String chunks) throws IOException {
        return RawHttp.roundTrip(RestAssured.port, "POST /admin/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
    }
}
