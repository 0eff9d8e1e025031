package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import io.herald.model.catalog.CheckOptionsParser;
import io.herald.model.catalog.CheckType;
import io.herald.model.catalog.Field;
import io.herald.model.catalog.Fields;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code type: http}: url, method, expected statuses, a body keyword or JSON path, headers, redirects, expiry. */
public final class HttpOptionsParser implements CheckOptionsParser {
    private static final CheckType TYPE = new CheckType("http", CheckType.Kind.PROBE);
    private static final Set<String> KEYS = OptionKeys.of(TrustOption.KEYS, "url", "method", "expect_status",
            "body_contains", "headers", "follow_redirects", "max_redirects", "json_path", "json_expect",
            "cert_expiry_days");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "POST");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern JSON_PATH =
            Pattern.compile("[A-Za-z0-9_@$-]+(\\[\\d+])*(\\.[A-Za-z0-9_@$-]+(\\[\\d+])*)*");

    @Override
    public CheckType type() {
        return TYPE;
    }

    @Override
    public Set<String> keys() {
        return KEYS;
    }

    @Override
    public CheckOptions read(Fields fields, String checkId) {
        String url = fields.httpUrl("url");
        String method = fields.choice("method", "GET", Fields.UPPER, METHODS,
                "a probe method (expected GET, HEAD, OPTIONS or POST)");
        Set<Integer> expect = statuses(fields);
        String bodyContains = fields.text("body_contains");
        Map<String, String> headers = headers(fields);
        boolean follow = fields.bool("follow_redirects", true);
        int maxRedirects = fields.number("max_redirects", 5, 0, 20);
        String jsonPath = fields.text("json_path");
        if (jsonPath != null && !JSON_PATH.matcher(jsonPath).matches()) {
            throw fields.error("json_path", "'" + jsonPath + "' is not a dotted path such as status or checks[0].state");
        }
        String jsonExpect = fields.text("json_expect");
        if (jsonExpect != null && jsonPath == null) {
            throw fields.error("json_expect", "json_expect needs json_path");
        }
        return new HttpOptions(url, method, expect, bodyContains, headers, follow, maxRedirects, jsonPath, jsonExpect,
                fields.number("cert_expiry_days", 0, 0, 365), TrustOption.read(fields));
    }

    private static Set<Integer> statuses(Fields fields) {
        if (!fields.has("expect_status")) {
            return Set.of(200);
        }
        Set<Integer> statuses = new LinkedHashSet<>();
        for (Field item : fields.list("expect_status")) {
            String value = item.text();
            try {
                int status = Integer.parseInt(value);
                if (status < 100 || status > 599) {
                    throw new NumberFormatException();
                }
                statuses.add(status);
            } catch (NumberFormatException e) {
                throw item.error("'" + value + "' is not an HTTP status (100-599)");
            }
        }
        return Set.copyOf(statuses);
    }

    private static Map<String, String> headers(Fields fields) {
        Map<String, String> headers = new LinkedHashMap<>();
        fields.map("headers").forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw fields.error("headers", value, "'" + name + "' is not a header name");
            }
            String text = value.text();
            if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
                throw value.error("a header value must be one line");
            }
            headers.put(name, text);
        });
        return Map.copyOf(headers);
    }
}
