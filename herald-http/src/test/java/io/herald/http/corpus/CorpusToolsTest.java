package io.herald.http.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusToolsTest {
    @Test
    void shouldGiveTheSameCorpusForTheSameSeed() {
        Gen one = new Gen(7);
        Gen two = new Gen(7);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            first.add(one.mutate(Map.of("check", "\"imap-monitor\"", "status", "\"down\"")) + one.queryValue());
            second.add(two.mutate(Map.of("check", "\"imap-monitor\"", "status", "\"down\"")) + two.queryValue());
        }
        assertThat(first.equals(second)).as("the same seed gives the same requests").isTrue();
        assertThat(new HashSet<>(first).size()).as("distinct requests of 200").isGreaterThan(150);
    }

    @Test
    void shouldQuoteEveryControlCharacterAndLoneSurrogateAsAJsonEscape() {
        assertThat(Gen.quote("a\u0000\"\\\n\uD800")).isEqualTo("\"a\\u0000\\\"\\\\\\u000a\\ud800\"");
    }

    @Test
    void shouldKeepNoRawSpaceOrControlByteInAGeneratedQueryValue() {
        Gen gen = new Gen(11);
        for (int i = 0; i < 2_000; i++) {
            byte[] value = gen.queryValue().getBytes(StandardCharsets.UTF_8);
            for (byte b : value) {
                assertThat(b & 0xFF).isBetween(0x21, 0x7E);
            }
        }
    }

    @Test
    void shouldParseAChunkedAnswerAndItsHeaders() {
        byte[] raw = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3\r\n12}\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        RawHttp.Answer answer = RawHttp.parse(raw);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.text()).isEqualTo("{\"a\":12}");
    }

    @Test
    void shouldGroupFindingsByRouteAndFault() {
        Findings findings = new Findings();
        byte[] request = RawHttp.request("GET", "/x", Map.of(), null);
        RawHttp.Answer html = new RawHttp.Answer(404, Map.of("content-type", "text/html"), new byte[0], null);
        RawHttp.Answer problem = new RawHttp.Answer(404, Map.of("content-type", "application/problem+json"),
                "{\"title\":\"Not found\",\"status\":404}".getBytes(StandardCharsets.UTF_8), null);

        findings.judge("GET /x", request, html, true);
        findings.judge("GET /x", request, html, true);
        findings.judge("GET /x", request, problem, true);
        findings.judge("GET /page", request, html, false);

        assertThat(findings.requests()).isEqualTo(4);
        assertThat(findings.report()).contains("1 fault group(s) in 4 requests")
                .contains("GET /x | 404 not problem+json (text/html) ×2");
    }
}
