package io.herald.web.view;

import io.herald.model.ComponentStatus;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The words the view itself carries (statuses, banner, notices, dates), per language; the page's fixed
 * text lives in the Qute message bundle. Kept in code so the view assembler stays a pure, testable function.
 */
public record Wording(
        Locale locale,
        Map<String, String> componentStatus,
        String allOperational,
        String staleNotice,
        Map<String, String> incidentStatus,
        Map<String, String> impact,
        DateTimeFormatter dateTime,
        DateTimeFormatter date,
        String dayUptime,
        String dayNoData,
        String dayIncident,
        String hours,
        String minutes,
        String percent,
        String label,
        String activeIncidents,
        String staleComponent,
        String staleNoData,
        String livePaused,
        String livePausedNoTime,
        String staleBadge) {

    public static final Wording ENGLISH = new Wording(Locale.ENGLISH,
            Map.of("operational", "Operational", "degraded_performance", "Degraded performance",
                    "partial_outage", "Partial outage", "major_outage", "Major outage",
                    "under_maintenance", "Under maintenance"),
            "All Systems Operational",
            "Status may be out of date: status service unreachable since %s.",
            Map.of("investigating", "Investigating", "identified", "Identified", "monitoring", "Monitoring",
                    "resolved", "Resolved", "postmortem", "Postmortem", "scheduled", "Scheduled",
                    "in_progress", "In progress", "verifying", "Verifying", "completed", "Completed"),
            Map.of("none", "No impact", "minor", "Minor", "major", "Major", "critical", "Critical",
                    "maintenance", "Maintenance"),
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            "%s: %s uptime", "%s: no data", "Incident: %s", "%d h", "%d min", "%s %%", "%s: %s",
            "Active incident: %s",
            "Last known status: %s", "no recent data",
            "Live updates are paused since %s; this is the last known state.",
            "Live updates are paused; this is the last known state.",
            "%s (stale)");

    public static final Wording FRENCH = new Wording(Locale.FRENCH,
            Map.of("operational", "Opérationnel", "degraded_performance", "Performances dégradées",
                    "partial_outage", "Panne partielle", "major_outage", "Panne majeure",
                    "under_maintenance", "En maintenance"),
            "Tous les systèmes sont opérationnels",
            "L’état affiché peut être dépassé : le service d’état ne répond plus depuis le %s.",
            Map.of("investigating", "Analyse en cours", "identified", "Cause identifiée", "monitoring", "Surveillance",
                    "resolved", "Résolu", "postmortem", "Post-mortem", "scheduled", "Planifiée",
                    "in_progress", "En cours", "verifying", "Vérification", "completed", "Terminée"),
            Map.of("none", "Sans impact", "minor", "Mineur", "major", "Majeur", "critical", "Critique",
                    "maintenance", "Maintenance"),
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.FRENCH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.FRENCH),
            "%s : disponibilité %s", "%s : pas de données", "Incident : %s", "%d h", "%d min", "%s %%", "%s\u00a0: %s",
            "Incident en cours\u00a0: %s",
            "Dernier état connu\u00a0: %s", "pas de données récentes",
            "Les mises à jour en direct sont suspendues depuis le %s\u00a0; ceci est le dernier état connu.",
            "Les mises à jour en direct sont suspendues\u00a0; ceci est le dernier état connu.",
            "%s (périmé)");

    public String words(ComponentStatus status) {
        return componentStatus.getOrDefault(status.wire(), status.words());
    }

    /** What a stale component shows beside its status: its status is the last known one, and why. */
    public String staleComponent(String staleDetail) {
        return String.format(locale, staleComponent, staleDetail == null || staleDetail.isBlank() ? staleNoData
                : staleDetail.strip());
    }

    public String incidentStatus(String status) {
        return status == null ? "" : incidentStatus.getOrDefault(status, status);
    }

    public String impact(String impact) {
        return impact == null ? "" : this.impact.getOrDefault(impact, impact);
    }

    /** "99.95 %" (or "99,95 %"), two decimals, 100 only when nothing was lost. */
    public String percent(double value) {
        String number = value >= 100.0 ? "100" : String.format(locale, "%.2f", Math.floor(value * 100) / 100);
        return String.format(locale, percent, number).replace(' ', '\u00a0');
    }

    /** "2 h 13 min", "45 min", "less than a minute" rounds up to "1 min". */
    public String duration(long seconds) {
        long minutes = Math.max(1, (seconds + 59) / 60);
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return String.format(locale, this.minutes, m);
        }
        return m == 0 ? String.format(locale, hours, h)
                : String.format(locale, hours, h) + " " + String.format(locale, this.minutes, m);
    }
}
