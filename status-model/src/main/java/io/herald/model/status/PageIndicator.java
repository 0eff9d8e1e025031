package io.herald.model.status;

import io.herald.model.ComponentStatus;
import java.util.Collection;

/**
 * Herald's explicit version of Statuspage's "best effort blend": the page status follows the worst component.
 * <table>
 *   <caption>worst component status to page status</caption>
 *   <tr><th>worst component</th><th>indicator</th><th>description</th></tr>
 *   <tr><td>operational (or no components)</td><td>none</td><td>All Systems Operational</td></tr>
 *   <tr><td>under_maintenance (nothing worse)</td><td>none</td><td>Service Under Maintenance</td></tr>
 *   <tr><td>degraded_performance</td><td>minor</td><td>Partially Degraded Service</td></tr>
 *   <tr><td>partial_outage</td><td>major</td><td>Partial System Outage</td></tr>
 *   <tr><td>major_outage of a critical component, or of every component</td><td>critical</td>
 *       <td>Major System Outage</td></tr>
 *   <tr><td>major_outage otherwise</td><td>major</td><td>Partial System Outage</td></tr>
 * </table>
 * A component the evaluator has not judged yet counts as operational. Components count with the status they show
 * (an operator's override, under_maintenance during a maintenance in progress). Then the open incidents' highest
 * impact takes part: minor, major and critical raise the indicator to minor ("Partially Degraded Service"), major
 * ("Partial System Outage") and critical ("Major System Outage") when the components alone give less.
 * status-api computes the page's status with it; status-web with it too, when it applies a live change itself.
 */
public final class PageIndicator {

    /** One component as the blend sees it. */
    public record Input(ComponentStatus status, boolean critical) {
    }

    static final Indicator OPERATIONAL = new Indicator("none", "All Systems Operational");
    static final Indicator MAINTENANCE = new Indicator("none", "Service Under Maintenance");
    static final Indicator DEGRADED = new Indicator("minor", "Partially Degraded Service");
    static final Indicator PARTIAL = new Indicator("major", "Partial System Outage");
    static final Indicator MAJOR = new Indicator("critical", "Major System Outage");

    private PageIndicator() {
    }

    /**
     * The blend of the components and the open incidents: whichever gives the higher indicator wins (none &lt; minor
     * &lt; major &lt; critical); on a tie the components' words are kept. An incident's impact maps to the indicator
     * of the same name (none adds nothing).
     */
    public static Indicator of(Collection<Input> components, Collection<String> openIncidentImpacts) {
        Indicator fromComponents = of(components);
        Indicator fromIncidents = OPERATIONAL;
        for (String impact : openIncidentImpacts) {
            Indicator candidate = switch (impact == null ? "" : impact) {
                case "minor" -> DEGRADED;
                case "major" -> PARTIAL;
                case "critical" -> MAJOR;
                default -> OPERATIONAL;
            };
            if (rank(candidate) > rank(fromIncidents)) {
                fromIncidents = candidate;
            }
        }
        return rank(fromIncidents) > rank(fromComponents) ? fromIncidents : fromComponents;
    }

    private static int rank(Indicator status) {
        return switch (status.indicator()) {
            case "minor" -> 1;
            case "major" -> 2;
            case "critical" -> 3;
            default -> 0;
        };
    }

    public static Indicator of(Collection<Input> components) {
        ComponentStatus worst = ComponentStatus.worst(components.stream().map(Input::status).toList());
        return switch (worst) {
            case OPERATIONAL -> OPERATIONAL;
            case UNDER_MAINTENANCE -> MAINTENANCE;
            case DEGRADED_PERFORMANCE -> DEGRADED;
            case PARTIAL_OUTAGE -> PARTIAL;
            case MAJOR_OUTAGE -> wholePageOrCritical(components) ? MAJOR : PARTIAL;
        };
    }

    private static boolean wholePageOrCritical(Collection<Input> components) {
        boolean all = components.stream().allMatch(c -> c.status() == ComponentStatus.MAJOR_OUTAGE);
        boolean critical = components.stream()
                .anyMatch(c -> c.critical() && c.status() == ComponentStatus.MAJOR_OUTAGE);
        return all || critical;
    }
}
