package io.herald.api.status;

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
 * A component the evaluator has not judged yet counts as operational.
 */
public final class PageIndicator {

    /** One component as the blend sees it. */
    public record Input(ComponentStatus status, boolean critical) {
    }

    /** The page's {@code status} object. */
    public record PageStatus(String indicator, String description) {
    }

    static final PageStatus OPERATIONAL = new PageStatus("none", "All Systems Operational");
    static final PageStatus MAINTENANCE = new PageStatus("none", "Service Under Maintenance");
    static final PageStatus DEGRADED = new PageStatus("minor", "Partially Degraded Service");
    static final PageStatus PARTIAL = new PageStatus("major", "Partial System Outage");
    static final PageStatus MAJOR = new PageStatus("critical", "Major System Outage");

    private PageIndicator() {
    }

    public static PageStatus of(Collection<Input> components) {
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
