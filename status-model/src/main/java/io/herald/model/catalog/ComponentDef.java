package io.herald.model.catalog;

import java.util.List;

/**
 * One component of a service, with the checks whose states roll up into its status.
 *
 * @param critical a major outage of a critical component makes the page indicator critical
 */
public record ComponentDef(String id, String name, String description, String serviceId, int position,
        boolean critical, List<CheckDef> checks) {
}
