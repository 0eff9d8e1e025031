package io.herald.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.http.corpus.RawHttp;
import io.herald.ingest.support.RedisProbe;
import io.herald.ingest.support.TestEnvironment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A webhook whose chunked framing is broken, written byte by byte on a raw socket as a faulty sender would. */
@QuarkusTest
class MalformedChunkedBodyTest {
    private static final String BODY = "{\"check\":\"accept-monitor\",\"status\":\"down\"}";

    @Inject
    RedisDataSource redis;

    // 10: the chunk's data runs past its size; 2c: it announces one byte more than the 43 it has.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zz\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk size is not a hexadecimal number",
            "10\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk's data is not followed by CRLF",
            "2c\\r\\n@BODY@\\r\\n0\\r\\n\\r\\n   | a chunk's data is not followed by CRLF"})
    void shouldAnswer400InWordsAndCloseCleanly(String chunks, String why) throws IOException {
        long before = signalsOfAcceptMonitor();

        String answer = exchange(chunks.replace("\\r\\n", "\r\n").replace("@BODY@", BODY));

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"title\":\"Bad request\"")
                .contains("The request body is malformed: " + why);
        assertThat(signalsOfAcceptMonitor()).isEqualTo(before);
    }

    @Test
    void shouldAcceptTheSameDeliveryChunkedCorrectly() throws IOException {
        long before = signalsOfAcceptMonitor();
        String half = BODY.substring(0, 20);
        String rest = BODY.substring(20);

        String answer = exchange(Integer.toHexString(half.length()) + "\r\n" + half + "\r\n"
                + Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n0\r\n\r\n", "Connection: close\r\n");

        assertThat(answer).startsWith("HTTP/1.1 202 Accepted\r\n");
        assertThat(signalsOfAcceptMonitor()).isEqualTo(before + 1);
    }

    private static String exchange(String chunks, String... headers) throws IOException {
        return RawHttp.roundTrip(RestAssured.port, "POST /ingest/test-monitor HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestEnvironment.TOKEN + "\r\nContent-Type: application/json\r\n"
                + String.join("", headers) + "Transfer-Encoding: chunked\r\n\r\n" + chunks);
    }

    private long signalsOfAcceptMonitor() {
        return new RedisProbe(redis).signals().stream()
                .filter(m -> "accept-monitor".equals(m.payload().get("check"))).count();
    }
}
