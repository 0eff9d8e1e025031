package io.herald.ingest.probe.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The http check's json_path rule: a dotted path with [index] steps must exist, and equal json_expect when set. */
final class JsonPathMatch {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private JsonPathMatch() {
    }

    /** Empty when the body matches; otherwise why not, in words. */
    static Optional<String> mismatch(String body, String path, String expect) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.of("the body is not JSON, so '" + path + "' cannot be read");
        }
        for (String step : path.split("\\.")) {
            Matcher m = STEP.matcher(step);
            if (node == null || !m.matches()) {
                return Optional.of("'" + path + "' is not in the JSON body");
            }
            node = node.get(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (node != null && index.find()) {
                node = node.get(Integer.parseInt(index.group(1)));
            }
        }
        if (node == null || node.isMissingNode()) {
            return Optional.of("'" + path + "' is not in the JSON body");
        }
        String found = node.isValueNode() ? node.asText() : node.toString();
        if (expect != null && !expect.equals(found)) {
            return Optional.of("'" + path + "' is '" + shorten(found) + "', expected '" + expect + "'");
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
