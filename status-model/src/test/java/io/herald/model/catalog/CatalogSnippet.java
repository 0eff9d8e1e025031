package io.herald.model.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Small catalogs for the parsers' table tests. {@link #check} writes one check whose keys are given as
 * {@code "type: tcp; host: h; port: 25"}: its {@code id: x} is on line 9 and each key on the next line, so an
 * error's line is 9 + the key's position; it is reported as {@link #CHECK}.
 */
public final class CatalogSnippet {
    public static final String CHECK = "services[0].components[0].checks[0]";
    private static final String INDENT = " ".repeat(12);
    private static final String HEAD = """
            page: {id: t, name: T, url: "http://localhost"}
            services:
              - id: s
                name: S
                components:
                  - id: c
                    name: C
                    checks:
            """;

    private CatalogSnippet() {
    }

    /** One check with id x and the given keys, one per line from line 10. */
    public static String check(String keys) {
        return HEAD + "          - id: x\n" + lines(keys, INDENT);
    }

    /** Several checks, each a {@code ;}-separated list of keys starting with its id. */
    public static String checks(String... checks) {
        return HEAD + Arrays.stream(checks).map(c -> "          - " + lines(c, INDENT).substring(INDENT.length()))
                .collect(Collectors.joining());
    }

    public static Catalog load(String text) {
        return CatalogLoader.parse("c.yaml", text, Map.of("SECRET", "from-env")::get);
    }

    public static CheckDef loadCheck(String keys) {
        return load(check(keys)).check("x").orElseThrow();
    }

    /** The load fails with a message starting with {@code c.yaml:<line>: <where>: <problem>}. */
    public static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> load(text)).isInstanceOf(CatalogException.class).hasMessageStartingWith(message.strip());
    }

    private static String lines(String keys, String indent) {
        return Arrays.stream(keys.split(";")).map(String::strip).filter(k -> !k.isEmpty())
                .map(k -> indent + k + "\n").collect(Collectors.joining());
    }
}
