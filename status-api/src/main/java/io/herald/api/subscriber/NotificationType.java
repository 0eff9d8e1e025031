package io.herald.api.subscriber;

import java.util.Arrays;
import java.util.Optional;

/** What a notification tells about; {@link #wire()} is the {@code type} field of webhook bodies. */
public enum NotificationType {
    INCIDENT_OPENED("incident.opened", "Incident opened"),
    INCIDENT_UPDATED("incident.updated", "Incident updated"),
    INCIDENT_RESOLVED("incident.resolved", "Incident resolved"),
    MAINTENANCE_SCHEDULED("maintenance.scheduled", "Maintenance scheduled"),
    MAINTENANCE_STARTED("maintenance.started", "Maintenance started"),
    MAINTENANCE_COMPLETED("maintenance.completed", "Maintenance completed"),
    /** Only subscribers who opted in hear about these: they can be noisy. */
    COMPONENT_STATUS_CHANGED("component.status_changed", "Component status changed");

    private final String wire;
    private final String words;

    NotificationType(String wire, String words) {
        this.wire = wire;
        this.words = words;
    }

    public String wire() {
        return wire;
    }

    public String words() {
        return words;
    }

    public static Optional<NotificationType> fromWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }
}
