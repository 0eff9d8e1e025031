package io.herald.http.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a corpus run found, grouped by route and fault so a report of thousands of requests stays readable: each group
 * keeps its count and the first request that showed it (enough to replay it by hand).
 */
public final class Findings {
    private static final Pattern PROBLEM_STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d{3})");

    private final Map<String, Group> groups = new TreeMap<>();
    private int requests;

    private static final class Group {
        int count;
        final String example;

        Group(String example) {
            this.example = example;
        }
    }

    /** Counts a request without judging its answer (for checks made elsewhere, such as "nothing stored"). */
    public void counted() {
        requests++;
    }

    public int requests() {
        return requests;
    }

    /**
     * Judges one answer: none may hang or be a 5xx; a 4xx must be problem+json whose {@code status} is the answer's
     * own and which has a {@code title} (unless {@code problemJson} is false: an HTML page answers in words).
     */
    public RawHttp.Answer judge(String route, byte[] request, RawHttp.Answer answer, boolean problemJson) {
        requests++;
        if (answer.hung()) {
            add(route, answer.failure(), request, answer);
        } else if (answer.status() >= 500) {
            add(route, answer.status() + " answered", request, answer);
        } else if (answer.status() >= 400 && problemJson) {
            String type = String.valueOf(answer.header("content-type"));
            String body = answer.text();
            var status = PROBLEM_STATUS.matcher(body);
            if (!type.startsWith("application/problem+json")) {
                add(route, answer.status() + " not problem+json (" + type + ")", request, answer);
            } else if (!status.find() || Integer.parseInt(status.group(1)) != answer.status()
                    || !body.contains("\"title\"")) {
                add(route, answer.status() + " problem+json without its status or title", request, answer);
            }
        }
        return answer;
    }

    /** Records a fault found by the caller (a stored value changed, an answer that says the wrong thing). */
    public void add(String route, String fault, byte[] request, RawHttp.Answer answer) {
        groups.computeIfAbsent(route + " | " + fault, key -> new Group(example(request, answer))).count++;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** The groups, largest first within each route, with one replayable example each. */
    public String report() {
        StringBuilder out = new StringBuilder(groups.size() + " fault group(s) in " + requests + " requests (seed "
                + Gen.SEED + "):\n");
        groups.forEach((key, group) -> out.append("- ").append(key).append(" ×").append(group.count).append('\n')
                .append(group.example.indent(4)));
        return out.toString();
    }

    private static String example(byte[] request, RawHttp.Answer answer) {
        String sent = new String(request, 0, Math.min(request.length, 600), StandardCharsets.UTF_8);
        String got = answer.hung() ? answer.failure()
                : answer.status() + " " + answer.text().substring(0, Math.min(300, answer.text().length()));
        return "sent: " + sent.replace("\r\n", "⏎ ") + "\ngot:  " + got.replace("\n", " ");
    }
}
