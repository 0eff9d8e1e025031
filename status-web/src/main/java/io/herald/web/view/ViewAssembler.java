package io.herald.web.view;

import io.herald.model.ComponentStatus;
import io.herald.model.status.Indicator;
import io.herald.model.status.Page;
import io.herald.model.status.StatusDocument;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusView.ServiceView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns status-api's document into the view the page shows; a pure function of its inputs. */
public final class ViewAssembler {
    private static final Set<String> INDICATORS = Set.of("none", "minor", "major", "critical");

    private ViewAssembler() {
    }

    /**
     * @param streamEventId the last id read on the change stream, used when the document carries none
     * @param unreachableSince when status-api stopped answering, or null
     * @param fallbackUpdated the moment to show as "last updated" when the document has no timestamp
     * @throws IllegalArgumentException when the document breaks the contract (no services list, a component without
     *                                  a status this version knows)
     */
    public static StatusView assemble(StatusDocument doc, String streamEventId, Instant unreachableSince,
            Instant fallbackUpdated) {
        return assemble(doc, null, streamEventId, unreachableSince, fallbackUpdated, Language.EN);
    }

    /**
     * @param uptime the 90-day uptime, or null while status-api has not served it
     */
    public static StatusView assemble(StatusDocument doc, UptimeDocument uptime, String streamEventId,
            Instant unreachableSince, Instant fallbackUpdated, Language language) {
        Wording words = language.wording();
        if (doc.services() == null) {
            throw new IllegalArgumentException("status document has no services list");
        }
        Page page = doc.page();
        ZoneId zone = zone(page == null ? null : page.timeZone());
        List<ServiceView> services = new ArrayList<>();
        List<BannerText.Affected> affected = new ArrayList<>();
        Instant latest = null;
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        for (StatusDocument.Service service : doc.services()) {
            List<ComponentView> components = new ArrayList<>();
            List<ComponentStatus> componentStatuses = new ArrayList<>();
            for (StatusDocument.Component component : nullToEmpty(service.components())) {
                ComponentStatus status = component.status();
                if (status == null) {
                    // Read tolerantly: a status word this version does not know arrives as null.
                    throw new IllegalArgumentException("component " + component.id() + " has no status this version "
                            + "knows (expected one of operational, under_maintenance, degraded_performance, "
                            + "partial_outage, major_outage)");
                }
                componentStatuses.add(status);
                Instant since = instant(component.since());
                latest = later(latest, later(instant(component.updatedAt()), since));
                components.add(new ComponentView(
                        require(component.id(), "component id"),
                        textOr(component.name(), component.id()),
                        blankToNull(component.description()),
                        status.wire(),
                        words.words(status),
                        stamp(since, zone, words),
                        status == ComponentStatus.OPERATIONAL ? null : blankToNull(component.detail()),
                        component.stale(),
                        component.stale() ? words.staleComponent(component.staleDetail()) : null,
                        UptimeBar.of(uptime, component.id(), words)));
            }
            // A service's own status is a summary: without one this version knows, its components decide.
            ComponentStatus status = service.status() != null ? service.status()
                    : ComponentStatus.worst(componentStatuses);
            worst = worst.worse(status);
            String name = textOr(service.name(), service.id());
            affected.add(new BannerText.Affected(name, status));
            services.add(new ServiceView(require(service.id(), "service id"), name,
                    blankToNull(service.description()), status.wire(), words.words(status), List.copyOf(components)));
        }
        Instant pageUpdated = instant(page == null ? null : page.updatedAt());
        Instant updated = pageUpdated != null ? pageUpdated : latest != null ? latest : fallbackUpdated;
        Stamp staleSince = stamp(unreachableSince, zone, words);
        List<StatusView.IncidentView> incidents = IncidentViews.of(doc.incidents(), zone, words);
        return new StatusView(
                language.tag(),
                zone.getId(),
                pageUrl(page),
                page == null ? "Service status" : textOr(page.name(), "Service status"),
                indicator(doc.status(), worst),
                banner(BannerText.of(affected, words), incidents, words),
                List.copyOf(services),
                stamp(updated, zone, words),
                doc.lastEventId() != null ? doc.lastEventId() : streamEventId,
                staleSince,
                staleSince != null ? String.format(words.staleNotice(), staleSince.text())
                        : pausedNotice(doc.live(), zone, words),
                doc.live().paused(),
                incidents,
                IncidentViews.of(doc.maintenances(), zone, words),
                uptime != null);
    }

    /**
     * status-api lost its live data and serves the last known state: the notice in the page's language, with the time
     * it paused in the page's zone and format (its own words are English and UTC). When status-api cannot be reached
     * at all, that notice (above) is the one shown: it is the more recent news.
     */
    static String pausedNotice(StatusDocument.Live live, ZoneId zone, Wording words) {
        if (!live.paused()) {
            return null;
        }
        Stamp since = stamp(instant(live.since()), zone, words);
        return since == null ? words.livePausedNoTime() : String.format(words.livePaused(), since.text());
    }

    /**
     * An open incident is news even while every component is operational (status-api may then say "minor"): the
     * banner names it rather than claim all is well under a warning sign.
     */
    static String banner(String services, List<StatusView.IncidentView> incidents, Wording words) {
        if (!services.equals(words.allOperational()) || incidents.isEmpty()) {
            return services;
        }
        return String.format(words.activeIncidents(),
                String.join("; ", incidents.stream().map(StatusView.IncidentView::name).toList()));
    }

    /** The page's public URL if it is an absolute http(s) URL; otherwise "" (links stay on this site), never a script. */
    static String pageUrl(Page page) {
        String url = page == null || page.url() == null || page.url().isBlank() ? "" : page.url().strip();
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://") || url.chars().anyMatch(c -> c < 0x21)) {
            return "";
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static Stamp stamp(Instant instant, ZoneId zone) {
        return stamp(instant, zone, Wording.ENGLISH);
    }

    public static Stamp stamp(Instant instant, ZoneId zone, Wording words) {
        return instant == null ? null : new Stamp(instant.toString(), words.dateTime().format(instant.atZone(zone)));
    }

    /** status-api decides the indicator; only a missing or unknown one is derived from the worst service. */
    private static String indicator(Indicator status, ComponentStatus worst) {
        if (status != null && status.indicator() != null && INDICATORS.contains(status.indicator())) {
            return status.indicator();
        }
        return switch (worst) {
            case OPERATIONAL, UNDER_MAINTENANCE -> "none";
            case DEGRADED_PERFORMANCE -> "minor";
            case PARTIAL_OUTAGE, MAJOR_OUTAGE -> "major";
        };
    }

    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("status document has an item without " + what);
        }
        return value;
    }

    private static String textOr(String value, String fallback) {
        return value == null || value.isBlank() ? Objects.requireNonNullElse(fallback, "") : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
