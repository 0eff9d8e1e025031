package io.herald.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Origin (or Referer) counts as this page's own, for the Host it was sent to. */
class SameOriginFormsTest {
    private static final List<String> NONE = List.of();

    record Row(String origin, String referer, String host, List<String> allowed, boolean same) {
    }

    @Test
    void shouldTellThisSiteFromAnother() {
        List<Row> table = List.of(
                new Row(null, null, "status.example.org", NONE, true),
                new Row("https://status.example.org", null, "status.example.org", NONE, true),
                new Row("https://status.example.org", null, "status.example.org:443", NONE, true),
                new Row("http://status.example.org:8080", null, "status.example.org:8080", NONE, true),
                new Row("HTTPS://Status.Example.org", null, "status.example.org", NONE, true),
                new Row(null, "https://status.example.org/admin?x=1", "status.example.org", NONE, true),
                new Row("https://status.example.org", "https://evil.example/", "status.example.org", NONE, true),
                new Row("https://evil.example", null, "status.example.org", NONE, false),
                new Row("https://evil.example", "https://status.example.org/admin", "status.example.org", NONE, false),
                new Row(null, "https://evil.example/admin", "status.example.org", NONE, false),
                new Row("https://status.example.org.evil.example", null, "status.example.org", NONE, false),
                new Row("https://status.example.org:8443", null, "status.example.org", NONE, false),
                new Row("null", null, "status.example.org", NONE, false),
                new Row("", null, "status.example.org", NONE, false),
                new Row("not a url", null, "status.example.org", NONE, false),
                new Row("ftp://status.example.org", null, "status.example.org", NONE, false),
                new Row("https://a@status.example.org", null, "status.example.org", NONE, false),
                new Row("https://status.example.org", null, null, NONE, false),
                new Row("https://status.example.org", null, "127.0.0.1:8080",
                        List.of("https://status.example.org"), true),
                new Row("https://other.example.org", null, "127.0.0.1:8080",
                        List.of("https://status.example.org"), false));
        for (Row row : table) {
            List<String> allowed = row.allowed().stream().map(SameOriginForms::origin).toList();
            assertThat(SameOriginForms.sameSite(row.origin(), row.referer(), row.host(), allowed)).as(row.toString())
                    .isEqualTo(row.same());
        }
    }
}
