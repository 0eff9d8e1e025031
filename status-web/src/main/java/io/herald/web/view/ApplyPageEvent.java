package io.herald.web.view;

import io.herald.model.HeraldJson;
import io.herald.model.StreamIds;
import io.herald.model.status.Incident;
import io.herald.model.status.Indicator;
import io.herald.model.status.StatusDocument;
import io.herald.model.status.StatuspageV2;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Applies an {@code incident} or {@code maintenance} event of status-api's stream to the held status document. The
 * event carries the whole incident as status-api lists it, and its id ({@code inc-<id>-<updates>.<change id>})
 * names the last change status-api sent before it: a change newer than the document's is one this status-web
 * missed. The document lists the unresolved incidents (newest first) and the scheduled, in progress and verifying
 * maintenances (soonest first, 50 at most), as status-api's overlay does. A maintenance that starts or ends changes
 * what its components show, which only status-api's document says.
 */
public final class ApplyPageEvent {
    static final String INCIDENT = "incident";
    static final String MAINTENANCE = "maintenance";
    /** The most maintenances status-api's document lists; past it the next one is not known here. */
    static final int MAINTENANCE_LIMIT = 50;
    private static final Pattern ID = Pattern.compile("(inc|mnt)-(\\d+)-\\d+(?:\\.(\\d+-\\d+))?");
    private static final Set<String> OPEN_MAINTENANCE = Set.of("scheduled", InMaintenance.IN_PROGRESS, "verifying");
    private static final String NO_CHANGE_YET = "0-0";

    private ApplyPageEvent() {
    }

    public static Applied apply(StatusDocument doc, String type, String eventId, String json, Criticality criticality) {
        Matcher id = eventId == null ? null : ID.matcher(eventId);
        boolean maintenance = MAINTENANCE.equals(type);
        if (id == null || !id.matches() || !id.group(1).equals(maintenance ? "mnt" : "inc")) {
            return Applied.readAgain("%s event id '%s' is not one status-api sends", type, eventId);
        }
        String after = id.group(3);
        if (after != null && !after.equals(NO_CHANGE_YET) && StreamIds.compare(after, doc.lastEventId()) > 0) {
            return Applied.readAgain("event %s follows change %s, the page holds changes up to %s: a gap", eventId,
                    after, doc.lastEventId());
        }
        Incident incident;
        try {
            incident = HeraldJson.readTolerant(json, Incident.class);
        } catch (IllegalArgumentException e) {
            return Applied.readAgain("%s event %s cannot be read: %s", type, eventId, e.getMessage());
        }
        String missing = missing(incident, id.group(2), maintenance);
        if (missing != null) {
            return Applied.readAgain("%s event %s is not a whole %s: %s", type, eventId, type, missing);
        }
        List<Incident> held = Objects.requireNonNullElse(maintenance ? doc.maintenances() : doc.incidents(),
                List.of());
        Incident before = held.stream().filter(i -> incident.id().equals(i.id())).findFirst().orElse(null);
        if (before != null && isBefore(incident, before)) {
            return new Applied.Held();
        }
        boolean open = maintenance ? OPEN_MAINTENANCE.contains(incident.status()) : incident.resolvedAt() == null;
        if (maintenance) {
            if (!inProgressComponents(before).equals(open ? inProgressComponents(incident) : Set.of())) {
                return Applied.readAgain("maintenance %s starts, ends or changes the components it holds",
                        incident.id());
            }
            if (held.size() >= MAINTENANCE_LIMIT) {
                return Applied.readAgain("the page lists %d maintenances, as many as status-api shows", held.size());
            }
        }
        List<Incident> list = new ArrayList<>(held);
        list.remove(before);
        if (open) {
            list.add(incident);
        }
        list.sort(maintenance ? SOONEST_FIRST : NEWEST_FIRST);
        StatusDocument changed = new StatusDocument(
                ApplyStatusChange.updatedAt(doc.page(), ViewAssembler.instant(incident.updatedAt()),
                        ViewAssembler.zone(doc.page() == null ? null : doc.page().timeZone())),
                doc.status(), doc.services(), maintenance ? doc.incidents() : List.copyOf(list),
                maintenance ? List.copyOf(list) : doc.maintenances(), doc.lastEventId(), doc.live());
        Optional<Indicator> indicator = DocumentIndicator.of(changed, criticality);
        if (indicator.isEmpty()) {
            return Applied.readAgain("the page indicator after %s depends on whether a component in major outage is "
                    + "critical, which the catalog here does not say", eventId);
        }
        return new Applied.Updated(new StatusDocument(changed.page(), indicator.get(), changed.services(),
                changed.incidents(), changed.maintenances(), changed.lastEventId(), changed.live()));
    }

    /** What status-api always sends and this event lacks, or null when it is a whole incident. */
    private static String missing(Incident incident, String idInEventId, boolean maintenance) {
        if (incident == null || !idInEventId.equals(incident.id())) {
            return "its id is not the event's";
        }
        if (incident.status() == null || incident.status().isBlank() || incident.impact() == null) {
            return "no status or impact";
        }
        if (ViewAssembler.instant(incident.updatedAt()) == null
                || ViewAssembler.instant(incident.createdAt()) == null) {
            return "no created_at or updated_at";
        }
        if (incident.incidentUpdates() == null || incident.components() == null) {
            return "no updates or components list";
        }
        if (maintenance != incident.isMaintenance()
                || maintenance && ViewAssembler.instant(incident.scheduledFor()) == null) {
            return maintenance ? "no scheduled_for" : "a maintenance window";
        }
        return null;
    }

    private static boolean isBefore(Incident event, Incident held) {
        Instant heldAt = ViewAssembler.instant(held.updatedAt());
        return heldAt != null && ViewAssembler.instant(event.updatedAt()).isBefore(heldAt);
    }

    private static Set<String> inProgressComponents(Incident maintenance) {
        if (maintenance == null || !InMaintenance.IN_PROGRESS.equals(maintenance.status())
                || maintenance.components() == null) {
            return Set.of();
        }
        return maintenance.components().stream().map(StatuspageV2.Component::id).collect(Collectors.toSet());
    }

    /** Incident ids are numbers in status-api; compared as numbers when they are, as text otherwise. */
    private static final Comparator<String> BY_ID = (a, b) -> a.matches("\\d{1,18}") && b.matches("\\d{1,18}")
            ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);

    private static final Comparator<Instant> EARLIEST_FIRST = Comparator.nullsLast(Comparator.naturalOrder());

    /** status-api's order of unresolved incidents: created_at, then id, descending. */
    static final Comparator<Incident> NEWEST_FIRST = Comparator
            .comparing((Incident i) -> ViewAssembler.instant(i.createdAt()), EARLIEST_FIRST)
            .thenComparing(Incident::id, BY_ID).reversed();

    /** status-api's order of open maintenances: scheduled_for, then id, ascending. */
    static final Comparator<Incident> SOONEST_FIRST = Comparator
            .comparing((Incident i) -> ViewAssembler.instant(i.scheduledFor()), EARLIEST_FIRST)
            .thenComparing(Incident::id, BY_ID);
}
