package io.herald.api.read;

import java.util.List;

/** Statuspage's words for incident and maintenance statuses and impacts, as the read model shows them. */
public final class Vocabulary {
    public static final String INVESTIGATING = "investigating";
    public static final String IDENTIFIED = "identified";
    public static final String MONITORING = "monitoring";
    public static final String RESOLVED = "resolved";
    public static final String POSTMORTEM = "postmortem";
    public static final List<String> INCIDENT_STATUSES = List.of(INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED,
            POSTMORTEM);

    public static final String MAINTENANCE_SCHEDULED = "scheduled";
    public static final String MAINTENANCE_IN_PROGRESS = "in_progress";
    public static final String MAINTENANCE_VERIFYING = "verifying";
    public static final String MAINTENANCE_COMPLETED = "completed";
    public static final List<String> MAINTENANCE_STATUSES = List.of(MAINTENANCE_SCHEDULED, MAINTENANCE_IN_PROGRESS,
            MAINTENANCE_VERIFYING, MAINTENANCE_COMPLETED);

    public static final List<String> IMPACTS = List.of("none", "minor", "major", "critical");
    public static final String MAINTENANCE_IMPACT = "maintenance";

    private Vocabulary() {
    }

    /** none < minor < major < critical; anything else ranks as none. */
    public static int impactRank(String impact) {
        int rank = IMPACTS.indexOf(impact);
        return Math.max(rank, 0);
    }

    public static boolean isClosed(String incidentStatus) {
        return RESOLVED.equals(incidentStatus) || POSTMORTEM.equals(incidentStatus);
    }
}
