package io.herald.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the services promise, read where a user or an operator can see it: the Redis streams and hashes named by
 * status-model's RedisKeys, the status_change table, and the HTTP answers.
 */
final class HeraldData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private HeraldData() {
    }

    /** Each delivery id found in the signals stream (by its detail) with how many entries hold it. */
    static Map<String, Integer> deliveriesInSignals(Resp redis, RedisKeys keys) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, String> fields : redis.range(keys.signals()).values()) {
            String id = WebhookLoad.idInDetail(fields.get("detail"));
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * How many signals the evaluator took into account for a check, each once: applied (CheckRecord's count) or
     * superseded (acknowledged without effect because newer news of the same check and location was already applied,
     * which concurrent deliveries for one check can be).
     */
    static long applied(Resp redis, RedisKeys keys, String check) throws IOException {
        String json = redis.string("HGET", keys.checkStates(), check);
        if (json == null) {
            return 0;
        }
        var record = JSON.readTree(json);
        return record.path("count").asLong() + record.path("superseded").asLong();
    }

    /** Signals read by an evaluator and not acknowledged yet (0 when the group does not exist). */
    static long pendingSignals(Resp redis, RedisKeys keys) throws IOException {
        if (!redis.groups(keys.signals()).contains(RedisKeys.EVALUATOR_GROUP)) {
            return 0;
        }
        List<?> summary = (List<?>) redis.call("XPENDING", keys.signals(), RedisKeys.EVALUATOR_GROUP);
        return (Long) summary.get(0);
    }

    /** The changes stream: entry id to the change, in stream order. */
    static LinkedHashMap<String, StatusChange> changes(Resp redis, RedisKeys keys) throws IOException {
        LinkedHashMap<String, StatusChange> changes = new LinkedHashMap<>();
        redis.range(keys.changes()).forEach((id, fields) ->
                changes.put(id, HeraldJson.readTolerant(fields.get(RedisKeys.CHANGE_FIELD), StatusChange.class)));
        return changes;
    }

    /** The ids of the changes history must keep: all but refreshes (only the staleness changed), which it ignores. */
    static Set<String> historyWorthy(Map<String, StatusChange> changes) {
        Set<String> ids = new HashSet<>();
        changes.forEach((id, change) -> {
            if (!change.isRefresh()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** status_change rows: stream id to how many rows hold it. */
    static Map<String, Integer> historyRows(String database) throws IOException, InterruptedException {
        Map<String, Integer> rows = new HashMap<>();
        for (String line : Psql.query(database, "select stream_id, count(*) from status_change group by stream_id")) {
            String[] columns = line.split("\\|");
            rows.put(columns[0], Integer.parseInt(columns[1]));
        }
        return rows;
    }

    /** The status code of a GET, or -1 when nothing answers. */
    static int status(String url) {
        try {
            return get(url).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static HttpResponse<String> get(String url) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A component's status in status-api's summary.json, or null when it cannot be read. */
    static String summaryStatus(String apiUrl, String component) {
        try {
            HttpResponse<String> response = get(apiUrl + "/api/v2/summary.json");
            if (response.statusCode() != 200) {
                return null;
            }
            for (JsonNode node : JSON.readTree(response.body()).path("components")) {
                if (node.path("id").asText().equals(component)) {
                    return node.path("status").asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A component's data-status on status-web's home page, or null when the page cannot be read. */
    static String pageStatus(String webUrl, String component) {
        try {
            HttpResponse<String> response = get(webUrl + "/");
            if (response.statusCode() != 200) {
                return null;
            }
            java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<[^>]*\\bid=\"component-"
                    + java.util.regex.Pattern.quote(component) + "\"[^>]*>").matcher(response.body());
            if (!tag.find()) {
                return null;
            }
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("data-status=\"([^\"]*)\"")
                    .matcher(tag.group());
            return status.find() ? status.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
