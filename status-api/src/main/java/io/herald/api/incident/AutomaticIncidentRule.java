package io.herald.api.incident;

import io.herald.api.read.Vocabulary;
import io.herald.model.ComponentStatus;
import io.herald.model.StatusChange;
import io.herald.model.catalog.ComponentDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What automation does with one stored change:
 * <ul>
 *   <li>a component going to partial or major outage that no open incident lists, and that is not in a maintenance
 *       in progress, opens an incident ("X: some users cannot connect" / "X is unavailable"; impact major, or
 *       critical for a major outage of a critical component), its first update naming the failing checks;</li>
 *   <li>a change of a component an open incident lists appends a fact update with the old and new status; while
 *       automation owns the incident (automatic, not taken over) it may raise the impact and rename it, and it
 *       resolves it once none of its components is in outage;</li>
 *   <li>an incident an operator owns (created or taken over by one) only ever gets fact updates: when all its
 *       components recover it says so and leaves resolving to the operator.</li>
 * </ul>
 */
public final class AutomaticIncidentRule {
    public static final String ALL_RECOVERED = "All affected components are operational again.";

    /** The open incident that lists the component, as the rule sees it. */
    public record Covering(long id, boolean automatic, boolean takenOver, String impact,
            Map<String, ComponentStatus> components) {
    }

    public sealed interface Decision permits Ignore, Open, Append {
    }

    public record Ignore(String why) implements Decision {
    }

    public record Open(String name, String impact, String body) implements Decision {
    }

    /**
     * @param impact  the new impact when automation raises it, or null
     * @param name    the new name when automation renames it, or null
     * @param resolve true when automation resolves the incident with this update
     */
    public record Append(long incidentId, String body, String impact, String name, boolean resolve)
            implements Decision {
    }

    private AutomaticIncidentRule() {
    }

    public static Decision decide(StatusChange change, ComponentDef component, Map<String, String> checkNames,
            Covering covering, boolean inMaintenance) {
        ComponentStatus to = change.to();
        if (covering == null) {
            if (!to.isOutage()) {
                return new Ignore("not an outage and no open incident lists " + component.id());
            }
            if (inMaintenance) {
                return new Ignore(component.id() + " is in a maintenance in progress");
            }
            return new Open(name(component, to), impact(component, to),
                    "Herald detected that " + component.name() + " is " + words(to) + ". "
                            + failing(change, checkNames));
        }
        Map<String, ComponentStatus> after = new HashMap<>(covering.components());
        after.put(component.id(), to);
        boolean recovered = after.values().stream().noneMatch(ComponentStatus::isOutage);
        boolean owned = covering.automatic() && !covering.takenOver();
        String fact = to.isOutage() || to == ComponentStatus.DEGRADED_PERFORMANCE
                ? component.name() + " is now " + words(to) + ". " + failing(change, checkNames)
                : component.name() + " is " + words(to) + " again.";
        if (recovered) {
            return new Append(covering.id(), fact + " " + ALL_RECOVERED, null, null, owned);
        }
        String impact = null;
        String name = null;
        if (owned && to.isOutage()) {
            String wanted = impact(component, to);
            if (Vocabulary.impactRank(wanted) > Vocabulary.impactRank(covering.impact())) {
                impact = wanted;
                if (covering.components().size() == 1 && covering.components().containsKey(component.id())) {
                    name = name(component, to);
                }
            }
        }
        return new Append(covering.id(), fact.trim(), impact, name, false);
    }

    static String name(ComponentDef component, ComponentStatus to) {
        return to == ComponentStatus.MAJOR_OUTAGE
                ? component.name() + " is unavailable"
                : component.name() + ": some users cannot connect";
    }

    static String impact(ComponentDef component, ComponentStatus to) {
        return to == ComponentStatus.MAJOR_OUTAGE && component.critical() ? "critical" : "major";
    }

    private static String words(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "operational";
            case DEGRADED_PERFORMANCE -> "slow (degraded performance)";
            case PARTIAL_OUTAGE -> "partly unavailable (partial outage)";
            case MAJOR_OUTAGE -> "unavailable (major outage)";
            case UNDER_MAINTENANCE -> "under maintenance";
        };
    }

    /** "Failing checks: ActiveSync OPTIONS, Mailbox 2. Details: HTTP 503 from ..." in plain words. */
    static String failing(StatusChange change, Map<String, String> checkNames) {
        List<String> names = new ArrayList<>();
        if (change.cause() != null && !change.cause().isBlank()) {
            Arrays.stream(change.cause().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(id -> {
                        String name = checkNames.get(id);
                        names.add(name == null || name.isBlank() ? id : name);
                    });
        }
        StringBuilder out = new StringBuilder();
        if (!names.isEmpty()) {
            out.append(names.size() == 1 ? "Failing check: " : "Failing checks: ").append(String.join(", ", names))
                    .append('.');
        }
        if (change.detail() != null && !change.detail().isBlank()) {
            out.append(out.isEmpty() ? "" : " ").append("Details: ").append(change.detail().trim());
            if (!change.detail().trim().endsWith(".")) {
                out.append('.');
            }
        }
        return out.toString();
    }
}
