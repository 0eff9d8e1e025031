package io.herald.web.view;

import io.herald.model.status.Incident;
import io.herald.model.status.StatusDocument;

/**
 * Whether a maintenance in progress holds a component: status-api then shows it under_maintenance whatever the
 * evaluator says (the document lists the maintenances, with their status and components).
 */
final class InMaintenance {
    static final String IN_PROGRESS = "in_progress";

    private InMaintenance() {
    }

    static boolean holds(StatusDocument doc, String componentId) {
        if (doc.maintenances() == null) {
            return false;
        }
        for (Incident maintenance : doc.maintenances()) {
            if (IN_PROGRESS.equals(maintenance.status()) && lists(maintenance, componentId)) {
                return true;
            }
        }
        return false;
    }

    static boolean lists(Incident maintenance, String componentId) {
        return maintenance.components() != null
                && maintenance.components().stream().anyMatch(c -> componentId.equals(c.id()));
    }
}
