package io.herald.api.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ComponentStatus;
import io.herald.model.StatusChange;
import io.herald.model.catalog.ComponentDef;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutomaticIncidentRuleTest {
    private static final ComponentDef ACTIVESYNC = new ComponentDef("activesync", "ActiveSync", null, "email", 1,
            false, List.of());
    private static final ComponentDef WEBMAIL = new ComponentDef("webmail", "Webmail", null, "email", 2, true,
            List.of());
    private static final Map<String, String> CHECKS = Map.of("as-options", "ActiveSync OPTIONS");

    /**
     * covering: "-" for none, else "auto|owner, impact, other components as id=status"; maintenance: whether the
     * component is in a maintenance in progress. Expected: ignore, or open/append with what matters.
     */
    @ParameterizedTest(name = "{0} {1}->{2} covering [{3}] maintenance {4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            activesync | operational    | partial_outage       | -                                | false | open ActiveSync: some users cannot connect / major
            activesync | operational    | major_outage         | -                                | false | open ActiveSync is unavailable / major
            webmail    | operational    | major_outage         | -                                | false | open Webmail is unavailable / critical
            webmail    | operational    | partial_outage       | -                                | false | open Webmail: some users cannot connect / major
            activesync | operational    | partial_outage       | -                                | true  | ignore
            activesync | operational    | degraded_performance | -                                | false | ignore
            activesync | partial_outage | operational          | -                                | false | ignore
            activesync | partial_outage | major_outage         | auto major                       | false | append
            webmail    | partial_outage | major_outage         | auto major                       | false | append impact critical name Webmail is unavailable
            webmail    | partial_outage | major_outage         | owner major                      | false | append
            activesync | partial_outage | operational          | auto major                       | false | append resolve
            activesync | partial_outage | degraded_performance | auto major                       | false | append resolve
            activesync | partial_outage | operational          | owner major                      | false | append
            activesync | partial_outage | operational          | auto major webmail=major_outage  | false | append
            activesync | operational    | partial_outage       | auto major                       | true  | append
            """)
    void shouldDecideWhatAutomationDoes(String componentId, String from, String to, String covering,
            boolean inMaintenance, String expected) {
        ComponentDef component = componentId.equals("webmail") ? WEBMAIL : ACTIVESYNC;
        StatusChange change = new StatusChange(component.id(), ComponentStatus.fromWire(from),
                ComponentStatus.fromWire(to), Instant.parse("2026-11-26T08:00:00Z"), "as-options",
                "HTTP 503 from mailbox 2");

        AutomaticIncidentRule.Decision decision = AutomaticIncidentRule.decide(change, component, CHECKS,
                covering(component, from, covering), inMaintenance);

        assertThat(describe(decision)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            as-options          | HTTP 503 from mailbox 2 | Failing check: ActiveSync OPTIONS. Details: HTTP 503 from mailbox 2.
            as-options,imap-tls | timeout.                | Failing checks: ActiveSync OPTIONS, imap-tls. Details: timeout.
            ''                  | ''                      | ''
            """)
    void shouldNameTheFailingChecksInPlainWords(String cause, String detail, String expected) {
        StatusChange change = new StatusChange("activesync", null, ComponentStatus.PARTIAL_OUTAGE, Instant.now(),
                cause, detail);

        assertThat(AutomaticIncidentRule.failing(change, CHECKS)).isEqualTo(expected == null ? "" : expected);
    }

    private static AutomaticIncidentRule.Covering covering(ComponentDef component, String from, String text) {
        if (text.equals("-")) {
            return null;
        }
        String[] parts = text.trim().split("\\s+");
        Map<String, ComponentStatus> components = new HashMap<>();
        components.put(component.id(), ComponentStatus.fromWire(from));
        for (int i = 2; i < parts.length; i++) {
            String[] pair = parts[i].split("=");
            components.put(pair[0], ComponentStatus.fromWire(pair[1]));
        }
        return new AutomaticIncidentRule.Covering(7, parts[0].equals("auto"), false, parts[1], components);
    }

    private static String describe(AutomaticIncidentRule.Decision decision) {
        if (decision instanceof AutomaticIncidentRule.Open open) {
            assertThat(open.body()).contains("ActiveSync OPTIONS").contains("HTTP 503 from mailbox 2");
            return "open " + open.name() + " / " + open.impact();
        }
        if (decision instanceof AutomaticIncidentRule.Append append) {
            StringBuilder out = new StringBuilder("append");
            if (append.impact() != null) {
                out.append(" impact ").append(append.impact());
            }
            if (append.name() != null) {
                out.append(" name ").append(append.name());
            }
            if (append.resolve()) {
                out.append(" resolve");
            }
            return out.toString();
        }
        return "ignore";
    }
}
