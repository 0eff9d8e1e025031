package io.herald.web.view;

import io.herald.model.ComponentStatus;
import io.herald.model.status.Incident;
import io.herald.model.status.StatuspageV2;
import io.herald.web.view.StatusView.IncidentView;
import io.herald.web.view.StatusView.UpdateView;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Incidents and maintenance as the pages show them: statuses in words, times stamped, updates newest first. */
public final class IncidentViews {
    private IncidentViews() {
    }

    public static List<IncidentView> of(List<Incident> incidents, ZoneId zone, Wording words) {
        if (incidents == null) {
            return List.of();
        }
        List<IncidentView> views = new ArrayList<>();
        for (Incident incident : incidents) {
            if (incident != null && incident.id() != null && !incident.id().isBlank()) {
                views.add(of(incident, zone, words));
            }
        }
        return List.copyOf(views);
    }

    public static IncidentView of(Incident incident, ZoneId zone, Wording words) {
        List<UpdateView> updates = new ArrayList<>();
        if (incident.incidentUpdates() != null) {
            for (Incident.Update update : incident.incidentUpdates()) {
                updates.add(update(update, zone, words));
            }
        }
        List<String> components = new ArrayList<>();
        if (incident.components() != null) {
            for (StatuspageV2.Component component : incident.components()) {
                components.add(component.name() == null ? String.valueOf(component.id()) : component.name());
            }
        }
        Instant started = first(ViewAssembler.instant(incident.startedAt()), ViewAssembler.instant(incident.createdAt()));
        Instant resolved = ViewAssembler.instant(incident.resolvedAt());
        String duration = null;
        // Only a finished incident has a duration: one counted to "now" would change the page every minute.
        if (started != null && resolved != null && !resolved.isBefore(started)) {
            duration = words.duration(Duration.between(started, resolved).toSeconds());
        }
        return new IncidentView(
                incident.id(),
                incident.name() == null ? "" : incident.name(),
                incident.status(),
                words.incidentStatus(incident.status()),
                incident.impact() == null ? "none" : incident.impact(),
                words.impact(incident.impact()),
                ViewAssembler.stamp(started, zone, words),
                ViewAssembler.stamp(resolved, zone, words),
                ViewAssembler.stamp(ViewAssembler.instant(incident.scheduledFor()), zone, words),
                ViewAssembler.stamp(ViewAssembler.instant(incident.scheduledUntil()), zone, words),
                List.copyOf(components),
                updates.isEmpty() ? null : updates.get(0),
                List.copyOf(updates),
                duration);
    }

    private static UpdateView update(Incident.Update update, ZoneId zone, Wording words) {
        List<String> changes = new ArrayList<>();
        if (update.affectedComponents() != null) {
            for (Incident.AffectedComponent transition : update.affectedComponents()) {
                String name = transition.name() == null ? String.valueOf(transition.code()) : transition.name();
                String to = ComponentStatus.parse(transition.newStatus()).map(words::words)
                        .orElse(String.valueOf(transition.newStatus()));
                changes.add(String.format(words.label(), name, to));
            }
        }
        Instant at = first(ViewAssembler.instant(update.displayAt()), ViewAssembler.instant(update.createdAt()));
        return new UpdateView(update.status(), words.incidentStatus(update.status()),
                update.body() == null ? "" : update.body(), ViewAssembler.stamp(at, zone, words), List.copyOf(changes));
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
