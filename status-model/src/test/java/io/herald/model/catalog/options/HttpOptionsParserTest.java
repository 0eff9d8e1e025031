package io.herald.model.catalog.options;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HttpOptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: http; url: http://mail.acme.test/", new HttpOptions("http://mail.acme.test/", "GET",
                        Set.of(200), null, Map.of(), true, 5, null, null, 0, Trust.SYSTEM)),
                Arguments.of("type: http; url: https://mail.acme.test/owa; method: head; expect_status: 204; "
                        + "body_contains: OK; headers: {X-Probe: herald}; follow_redirects: false; max_redirects: 0; "
                        + "json_path: checks[0].state; json_expect: ok; cert_expiry_days: 30; trust: any",
                        new HttpOptions("https://mail.acme.test/owa", "HEAD", Set.of(204), "OK",
                                Map.of("X-Probe", "herald"), false, 0, "checks[0].state", "ok", 30,
                                new Trust(true, null, null))),
                Arguments.of("type: http; url: http://h/; expect_status: [200, 401]; json_path: status",
                        new HttpOptions("http://h/", "GET", Set.of(200, 401), null, Map.of(), true, 5, "status", null, 0,
                                Trust.SYSTEM)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadWithDefaults(String keys, HttpOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: http                                           | c.yaml:9: @: 'url' is missing",
            "type: http; url: ftp://h/                            | c.yaml:11: @.url: 'ftp://h/' is not an http(s) URL",
            "type: http; url: http://h/; method: delete           | c.yaml:12: @.method: 'DELETE' is not a probe method (expected GET, HEAD, OPTIONS or POST)",
            "type: http; url: http://h/; expect_status: [200, abc] | c.yaml:12: @.expect_status: 'abc' is not an HTTP status (100-599)",
            "type: http; url: http://h/; expect_status: 99        | c.yaml:12: @.expect_status: '99' is not an HTTP status (100-599)",
            "type: http; url: http://h/; headers: {X A: b}        | c.yaml:12: @.headers: 'X A' is not a header name",
            "type: http; url: http://h/; headers: {X-A: [1]}      | c.yaml:12: @.headers.X-A: expected a single value",
            "type: http; url: http://h/; headers: {X-A: \"a\\nb\"}  | c.yaml:12: @.headers.X-A: a header value must be one line",
            "type: http; url: http://h/; headers: [X-A]           | c.yaml:12: @.headers: expected a mapping of keys to values",
            "type: http; url: http://h/; follow_redirects: yes    | c.yaml:12: @.follow_redirects: 'yes' is not true or false",
            "type: http; url: http://h/; max_redirects: 21        | c.yaml:12: @.max_redirects: '21' is not a whole number from 0 to 20",
            "type: http; url: http://h/; json_path: a..b          | c.yaml:12: @.json_path: 'a..b' is not a dotted path such as status or checks[0].state",
            "type: http; url: http://h/; json_expect: ok          | c.yaml:12: @.json_expect: json_expect needs json_path",
            "type: http; url: http://h/; trust_password: x        | c.yaml:12: @.trust_password: only a trust store has a password",
            "type: http; url: http://h/; source: am               | c.yaml:12: @: unknown key 'source'",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }

    @Test
    void shouldAcceptAReadableTrustStoreWithItsPassword(@TempDir Path dir) throws IOException {
        Path store = Files.write(dir.resolve("lab.p12"), new byte[] {1});
        HttpOptions options = loadCheck("type: http; url: https://h/; trust: " + store + "; trust_password: changeit")
                .options(HttpOptions.class);
        assertThat(options.trust()).isEqualTo(new Trust(false, store.toString(), "changeit"));
    }
}
