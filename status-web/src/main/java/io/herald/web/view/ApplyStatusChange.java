package io.herald.web.view;

import io.herald.model.ComponentStatus;
import io.herald.model.LiveNotice;
import io.herald.model.StatusChange;
import io.herald.model.StreamIds;
import io.herald.model.status.Incident;
import io.herald.model.status.Indicator;
import io.herald.model.status.Page;
import io.herald.model.status.StatusDocument;
import io.herald.model.status.StatuspageV2;
import io.herald.model.status.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one change of status-api's stream to the held status document, as status-api's snapshot applies it to its
 * own: the component's status, since, cause, detail and staleness; its service's status; the incidents' view of it;
 * the page indicator and updated_at; the last change id. A refresh (from == to) changes only the staleness. The status a component shows is the evaluated one, except during a
 * maintenance in progress (under_maintenance, which the document says) and under an operator's override (which it
 * does not say). So a change is applied only when the component shows the status the change comes from; otherwise a
 * change was missed or an override holds the component, and only status-api's document can tell.
 */
public final class ApplyStatusChange {
    private ApplyStatusChange() {
    }

    public static Applied apply(StatusDocument doc, LiveNotice notice, Criticality criticality) {
        StatusChange change = notice == null ? null : notice.change();
        if (change == null || change.component() == null || change.to() == null || change.at() == null) {
            return Applied.readAgain("a change notice without component, status or time");
        }
        if (!StreamIds.isValid(notice.id())) {
            return Applied.readAgain("a change notice without a changes-stream id ('%s')", notice.id());
        }
        if (StreamIds.isValid(doc.lastEventId()) && StreamIds.compare(notice.id(), doc.lastEventId()) <= 0) {
            return new Applied.Held();
        }
        String id = change.component();
        StatusDocument.Component held = find(doc, id);
        if (held == null) {
            return Applied.readAgain("component %s is not on the page held", id);
        }
        ComponentStatus shown;
        if (InMaintenance.holds(doc, id)) {
            shown = held.status();
        } else {
            ComponentStatus from = change.from() == null ? ComponentStatus.OPERATIONAL : change.from();
            if (held.evaluated() != (change.from() != null) || held.status() != from) {
                return Applied.readAgain("%s shows %s%s, change %s comes from %s: a change was missed or an "
                        + "override holds it", id, held.status() == null ? "?" : held.status().wire(),
                        held.evaluated() ? "" : " (not evaluated)", notice.id(),
                        change.from() == null ? "no status" : change.from().wire());
            }
            shown = change.to();
        }
        if (change.isRefresh()) {
            return new Applied.Updated(refreshed(doc, held, change, notice.id()));
        }
        ZoneId zone = ViewAssembler.zone(doc.page() == null ? null : doc.page().timeZone());
        String at = Timestamps.format(change.at(), zone);
        StatusDocument.Component applied = new StatusDocument.Component(held.id(), held.name(), held.description(),
                shown, shown.words(), at, at, blankToNull(change.cause()), blankToNull(change.detail()), true,
                change.stale(), change.stale() ? change.staleDetail() : "");

        List<StatusDocument.Service> services = new ArrayList<>();
        for (StatusDocument.Service service : doc.services()) {
            services.add(service.components() != null && service.components().contains(held)
                    ? withComponent(service, held, applied) : service);
        }
        StatusDocument changed = new StatusDocument(updatedAt(doc.page(), change.at(), zone), doc.status(), services,
                shownIn(doc.incidents(), id, shown, at), shownIn(doc.maintenances(), id, shown, at), notice.id(),
                doc.live());
        Optional<Indicator> indicator = DocumentIndicator.of(changed, criticality);
        if (indicator.isEmpty()) {
            return Applied.readAgain("the page indicator after change %s depends on whether a component in major "
                    + "outage is critical, which the catalog here does not say", notice.id());
        }
        return new Applied.Updated(new StatusDocument(changed.page(), indicator.get(), changed.services(),
                changed.incidents(), changed.maintenances(), changed.lastEventId(), changed.live()));
    }

    /**
     * A refresh: the status stays, only whether it is the last known one (and the words that say why) or which checks
     * fail (the cause and its detail) changed. Not a status change, so nothing else moves: not since, not updated_at,
     * not the service, incidents or indicator.
     */
    private static StatusDocument refreshed(StatusDocument doc, StatusDocument.Component held, StatusChange change,
            String noticeId) {
        StatusDocument.Component applied = new StatusDocument.Component(held.id(), held.name(), held.description(),
                held.status(), held.statusWords(), held.since(), held.updatedAt(), change.cause(), change.detail(),
                held.evaluated(), change.stale(), change.stale() ? change.staleDetail() : "");
        List<StatusDocument.Service> services = new ArrayList<>();
        for (StatusDocument.Service service : doc.services()) {
            if (service.components() != null && service.components().contains(held)) {
                List<StatusDocument.Component> components = new ArrayList<>(service.components());
                components.set(components.indexOf(held), applied);
                service = new StatusDocument.Service(service.id(), service.name(), service.description(),
                        service.status(), service.statusWords(), List.copyOf(components));
            }
            services.add(service);
        }
        return new StatusDocument(doc.page(), doc.status(), List.copyOf(services), doc.incidents(), doc.maintenances(),
                noticeId, doc.live());
    }

    static StatusDocument.Component find(StatusDocument doc, String id) {
        for (StatusDocument.Service service : doc.services()) {
            if (service.components() != null) {
                for (StatusDocument.Component component : service.components()) {
                    if (id.equals(component.id())) {
                        return component;
                    }
                }
            }
        }
        return null;
    }

    private static StatusDocument.Service withComponent(StatusDocument.Service service,
            StatusDocument.Component held, StatusDocument.Component applied) {
        List<StatusDocument.Component> components = new ArrayList<>(service.components());
        components.set(components.indexOf(held), applied);
        // As status-api rolls it up: the service shows its worst component.
        ComponentStatus worst = ComponentStatus.worst(components.stream().map(StatusDocument.Component::status)
                .toList());
        return new StatusDocument.Service(service.id(), service.name(), service.description(), worst, worst.words(),
                List.copyOf(components));
    }

    /** An incident lists its components with the status they show now, as status-api renders it after each change. */
    private static List<Incident> shownIn(List<Incident> incidents, String id, ComponentStatus shown, String at) {
        if (incidents == null) {
            return null;
        }
        List<Incident> out = new ArrayList<>(incidents.size());
        for (Incident incident : incidents) {
            if (incident.components() == null || incident.components().stream().noneMatch(c -> id.equals(c.id()))) {
                out.add(incident);
                continue;
            }
            List<StatuspageV2.Component> components = incident.components().stream()
                    .map(c -> id.equals(c.id()) ? new StatuspageV2.Component(c.id(), c.name(), shown, c.createdAt(), at,
                            c.position(), c.description(), c.showcase(), c.startDate(), c.groupId(), c.pageId(),
                            c.group(), c.onlyShowIfDegraded(), c.components()) : c)
                    .toList();
            out.add(new Incident(incident.id(), incident.name(), incident.status(), incident.createdAt(),
                    incident.updatedAt(), incident.monitoringAt(), incident.resolvedAt(), incident.impact(),
                    incident.shortlink(), incident.startedAt(), incident.pageId(), incident.incidentUpdates(),
                    components, incident.scheduledFor(), incident.scheduledUntil(), incident.automatic(),
                    incident.takenOver(), incident.cancelledAt(), incident.revision()));
        }
        return List.copyOf(out);
    }

    /** The page's updated_at: the latest thing shown, so a change only ever moves it forward. */
    static Page updatedAt(Page page, Instant at, ZoneId zone) {
        if (page == null) {
            return null;
        }
        Instant held = ViewAssembler.instant(page.updatedAt());
        if (held != null && !at.isAfter(held)) {
            return page;
        }
        return new Page(page.id(), page.name(), page.url(), page.timeZone(), Timestamps.format(at, zone));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
