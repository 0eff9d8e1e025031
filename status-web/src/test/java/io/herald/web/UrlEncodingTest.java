package io.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlEncodingTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a b+c       | a%20b%2Bc
            a/b?c#d     | a%2Fb%3Fc%23d
            x&y=z%      | x%26y%3Dz%25
            été         | %C3%A9t%C3%A9
            imap-pop_2.x| imap-pop_2.x
            """)
    void shouldEncodeSoThatPathQueryAndFormDecodersAllReadTheTextBack(String text, String encoded) {
        assertThat(UrlEncoding.pathSegment(text)).isEqualTo(encoded);
        assertThat(UrlEncoding.queryValue(text)).isEqualTo(encoded);
        assertThat(URI.create("http://status-api/x/" + UrlEncoding.pathSegment(text)).getPath())
                .isEqualTo("/x/" + text);
        assertThat(new QueryStringDecoder("/x?v=" + UrlEncoding.queryValue(text)).parameters().get("v"))
                .containsExactly(text);
        assertThat(URLDecoder.decode(UrlEncoding.queryValue(text), StandardCharsets.UTF_8)).isEqualTo(text);
    }
}
