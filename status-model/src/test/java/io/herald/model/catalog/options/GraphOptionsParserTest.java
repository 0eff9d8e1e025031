package io.herald.model.catalog.options;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GraphOptionsParserTest {
    private static final String REQUIRED = "type: graph; token_url: https://login.test/t/oauth2/v2.0/token; "
            + "client_id: app; client_secret: ${SECRET}; service: Exchange Online";

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(REQUIRED, new GraphOptions("https://login.test/t/oauth2/v2.0/token",
                        "https://graph.microsoft.com", "app", "from-env", "https://graph.microsoft.com/.default",
                        "Exchange Online")),
                Arguments.of(REQUIRED + "; graph_url: http://127.0.0.1:9000/graph/; scope: custom/.default",
                        new GraphOptions("https://login.test/t/oauth2/v2.0/token", "http://127.0.0.1:9000/graph", "app",
                                "from-env", "custom/.default", "Exchange Online")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadWithDefaults(String keys, GraphOptions expected) {
        assertThat(loadCheck(keys).options()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: graph; client_id: a; client_secret: s; service: S                     | c.yaml:9: @: 'token_url' is missing",
            "type: graph; token_url: login.test; client_id: a; client_secret: s; service: S | c.yaml:11: @.token_url: 'login.test' is not an http(s) URL",
            "type: graph; token_url: https://l.test; client_id: a; service: S             | c.yaml:9: @: 'client_secret' is missing",
            "type: graph; token_url: https://l.test; client_id: a; client_secret: s; service: S; graph_url: graph | c.yaml:15: @.graph_url: 'graph' is not an http(s) URL",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
