package io.herald.model.catalog;

import java.util.List;

/** A service users know by name (Email, ActiveSync, Web): a group of components on the page. */
public record ServiceDef(String id, String name, String description, int position, List<ComponentDef> components) {
}
