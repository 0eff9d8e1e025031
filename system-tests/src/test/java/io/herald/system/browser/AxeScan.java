package io.herald.system.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core run in the page the browser shows, limited to the WCAG 2.0 and 2.1 A and AA rules. The engine is
 * the axe.min.js of the com.deque.html.axe-core:selenium test dependency, injected after each page load.
 */
final class AxeScan {
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final String SOURCE = load();

    /** One failing element of a rule. */
    record Node(List<String> target, String html, String failureSummary) {
    }

    /** A rule that failed, with every element that fails it. */
    record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {
    }

    /**
     * What axe found: the violations; the rules it could not decide ("needs review": shown, never a failure); and
     * every rule that applied to the page, so a test can tell a rule was really checked.
     */
    record Result(String axeVersion, List<Violation> violations, List<Violation> incomplete, List<String> applied) {
    }

    /**
     * A node axe reports that a person checked and found accessible; each one says why, and names one rule and one
     * element, never a whole rule.
     */
    record Exclusion(String rule, String target, String reason) {
    }

    private AxeScan() {
    }

    static Result run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SOURCE);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object answer = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                function rules(list) {
                  return list.map(function (v) {
                    return {id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                      nodes: v.nodes.map(function (n) {
                        return {target: n.target.map(String), html: n.html, summary: n.failureSummary || ''};
                      })};
                  });
                }
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},
                    resultTypes: ['violations', 'incomplete']})
                  .then(function (r) {
                    done({version: axe.version, violations: rules(r.violations), incomplete: rules(r.incomplete),
                      applied: r.passes.concat(r.violations, r.incomplete).map(function (v) { return v.id; })});
                  })
                  .catch(function (e) { done({error: String(e)}); });
                """, WCAG_21_AA);
        return result(answer);
    }

    /** The violations left once the exclusions are taken out; a rule with no node left is dropped. */
    static List<Violation> without(List<Violation> violations, List<Exclusion> exclusions) {
        List<Violation> left = new ArrayList<>();
        for (Violation v : violations) {
            List<Node> nodes = v.nodes().stream()
                    .filter(n -> exclusions.stream().noneMatch(
                            e -> e.rule().equals(v.id()) && n.target().equals(List.of(e.target()))))
                    .toList();
            if (!nodes.isEmpty()) {
                left.add(new Violation(v.id(), v.impact(), v.help(), v.helpUrl(), nodes));
            }
        }
        return left;
    }

    /** The violations as a person reads them: rule, impact, help, and each element's selector, markup and why. */
    static String report(String where, List<Violation> violations) {
        StringBuilder out = new StringBuilder();
        for (Violation v : violations) {
            out.append("\n[").append(where).append("] ").append(v.id()).append(" (").append(v.impact()).append("): ")
                    .append(v.help()).append(" <").append(v.helpUrl()).append(">");
            for (Node n : v.nodes()) {
                out.append("\n    at ").append(String.join(" ", n.target()))
                        .append("\n       ").append(n.html().replace("\n", " "));
                for (String line : n.failureSummary().split("\n")) {
                    if (!line.isBlank()) {
                        out.append("\n       | ").append(line.strip());
                    }
                }
            }
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Result result(Object answer) {
        Map<String, Object> map = (Map<String, Object>) answer;
        if (map.containsKey("error")) {
            throw new IllegalStateException("axe could not run: " + map.get("error"));
        }
        return new Result((String) map.get("version"), rules(map.get("violations")), rules(map.get("incomplete")),
                (List<String>) map.get("applied"));
    }

    @SuppressWarnings("unchecked")
    private static List<Violation> rules(Object list) {
        List<Violation> rules = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) list) {
            List<Node> nodes = new ArrayList<>();
            for (Map<String, Object> n : (List<Map<String, Object>>) v.get("nodes")) {
                nodes.add(new Node((List<String>) n.get("target"), (String) n.get("html"), (String) n.get("summary")));
            }
            rules.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), nodes));
        }
        return rules;
    }

    private static String load() {
        try (InputStream in = AxeScan.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
