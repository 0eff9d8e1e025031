package io.herald.web.view;

/**
 * Whether a component is marked critical in the catalog (a major outage of a critical component makes the page
 * indicator critical); null when status-web cannot tell (no catalog, or a component it does not list).
 */
@FunctionalInterface
public interface Criticality {
    Criticality UNKNOWN = component -> null;

    Boolean critical(String componentId);
}
