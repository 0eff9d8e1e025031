package io.herald.api.admin.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoProvisionRuleTest {

    @Test
    void shouldCreateOperatorsOnlyWhenEveryConfiguredConditionHolds() {
        List<String> none = List.of();
        List<String> domains = List.of("example.org", " Ops.Example.COM ");
        List<String> groups = List.of("status-operators");
        Object[][] table = {
                // domains, groups, verified email, member of, allowed
                {none, none, "a@example.org", List.of("status-operators"), false},
                {domains, none, "a@example.org", none, true},
                {domains, none, "A@EXAMPLE.ORG", none, true},
                {domains, none, "a@ops.example.com", none, true},
                {domains, none, "a@sub.example.org", none, false},
                {domains, none, "a@example.org.evil.net", none, false},
                {domains, none, null, none, false},
                {domains, none, "example.org", none, false},
                {none, groups, null, List.of("status-operators"), true},
                {none, groups, "a@example.org", List.of("others"), false},
                {none, groups, "a@example.org", none, false},
                {domains, groups, "a@example.org", List.of("status-operators"), true},
                {domains, groups, "a@example.org", List.of("others"), false},
                {domains, groups, "a@evil.net", List.of("status-operators"), false},
        };
        for (Object[] row : table) {
            @SuppressWarnings("unchecked")
            boolean allowed = AutoProvisionRule.allows((List<String>) row[0], (List<String>) row[1], (String) row[2],
                    (List<String>) row[3]);
            assertThat(allowed).as("domains %s groups %s email %s member of %s", row[0], row[1], row[2], row[3])
                    .isEqualTo(row[4]);
        }
    }
}
