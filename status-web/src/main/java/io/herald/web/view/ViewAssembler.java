package io.herald.web.view;

import io.herald.model.ComponentStatus;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusView.ServiceView;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Turns status-api's document into the view the page shows; a pure function of its inputs. */
public final class ViewAssembler {
    private static final Set<String> INDICATORS = Set.of("none", "minor", "major", "critical");
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private ViewAssembler() {
    }

    /**
     * @param streamEventId the last id read on the change stream, used when the document carries none
     * @param unreachableSince when status-api stopped answering, or null
     * @param fallbackUpdated the moment to show as "last updated" when the document has no timestamp
     * @throws IllegalArgumentException when the document breaks the contract (no services list, unknown status)
     */
    public static StatusView assemble(StatusDocument doc, String streamEventId, Instant unreachableSince,
            Instant fallbackUpdated) {
        if (doc.services() == null) {
            throw new IllegalArgumentException("status document has no services list");
        }
        StatusDocument.Page page = doc.page();
        ZoneId zone = zone(page == null ? null : page.timeZone());
        List<ServiceView> services = new ArrayList<>();
        List<BannerText.Affected> affected = new ArrayList<>();
        Instant latest = null;
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        for (StatusDocument.Service service : doc.services()) {
            List<ComponentView> components = new ArrayList<>();
            List<ComponentStatus> componentStatuses = new ArrayList<>();
            for (StatusDocument.Component component : nullToEmpty(service.components())) {
                ComponentStatus status = ComponentStatus.fromWire(component.status());
                componentStatuses.add(status);
                Instant since = instant(component.since());
                latest = later(latest, later(instant(component.updatedAt()), since));
                components.add(new ComponentView(
                        require(component.id(), "component id"),
                        textOr(component.name(), component.id()),
                        blankToNull(component.description()),
                        status.wire(),
                        status.words(),
                        stamp(since, zone),
                        status == ComponentStatus.OPERATIONAL ? null : blankToNull(component.detail())));
            }
            ComponentStatus status = ComponentStatus.parse(service.status())
                    .orElseGet(() -> ComponentStatus.worst(componentStatuses));
            worst = worst.worse(status);
            String name = textOr(service.name(), service.id());
            affected.add(new BannerText.Affected(name, status));
            services.add(new ServiceView(require(service.id(), "service id"), name,
                    blankToNull(service.description()), status.wire(), status.words(), List.copyOf(components)));
        }
        Instant pageUpdated = instant(page == null ? null : page.updatedAt());
        Instant updated = pageUpdated != null ? pageUpdated : latest != null ? latest : fallbackUpdated;
        Stamp staleSince = stamp(unreachableSince, zone);
        return new StatusView(
                page == null ? "Service status" : textOr(page.name(), "Service status"),
                indicator(doc.status(), worst),
                BannerText.of(affected),
                List.copyOf(services),
                stamp(updated, zone),
                doc.lastEventId() != null ? doc.lastEventId() : streamEventId,
                staleSince,
                staleSince == null ? null
                        : "Status may be out of date: status service unreachable since " + staleSince.text() + ".");
    }

    static Stamp stamp(Instant instant, ZoneId zone) {
        return instant == null ? null : new Stamp(instant.toString(), TEXT.format(instant.atZone(zone)));
    }

    /** status-api decides the indicator; only a missing or unknown one is derived from the worst service. */
    private static String indicator(StatusDocument.Indicator status, ComponentStatus worst) {
        if (status != null && status.indicator() != null && INDICATORS.contains(status.indicator())) {
            return status.indicator();
        }
        return switch (worst) {
            case OPERATIONAL, UNDER_MAINTENANCE -> "none";
            case DEGRADED_PERFORMANCE -> "minor";
            case PARTIAL_OUTAGE, MAJOR_OUTAGE -> "major";
        };
    }

    static Instant instant(String text) {
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

    private static ZoneId zone(String id) {
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
