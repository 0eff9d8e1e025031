package io.herald.api.uptime;

import io.herald.api.catalog.PageTime;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.ComponentDef;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads uptime: the stored per-day totals plus each component's open interval up to now (added at read time, never
 * stored), so the figures are exact to the request.
 */
@ApplicationScoped
public class UptimeQuery {
    private final UptimeRepository repository;
    private final Catalog catalog;
    private final PageTime time;

    public UptimeQuery(UptimeRepository repository, Catalog catalog, PageTime time) {
        this.repository = repository;
        this.catalog = catalog;
        this.time = time;
    }

    /** The last {@code count} days (today included) of every component, oldest first. */
    @WithSession
    public Uni<UptimeBodies.Days> days(int count, Instant now) {
        ZoneId zone = time.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(count - 1L);
        Instant start = first.atStartOfDay(zone).toInstant();
        Map<String, Map<LocalDate, DayTotals>> totals = new HashMap<>();
        int length = count;
        return repository.days(first, null)
                .invoke(rows -> rows.forEach(row -> totals.computeIfAbsent(row.componentId(), c -> new HashMap<>())
                        .merge(row.day(), row.totals(), DayTotals::plus)))
                .flatMap(ignored -> addOpenIntervals(totals, null, start, now))
                .flatMap(ignored -> repository.incidents(start, now))
                .map(spans -> {
                    // Per component, its incidents in the order met, each with the range of days it touched.
                    Map<String, Map<Long, UptimeBodies.IncidentSpan>> incidents = new HashMap<>();
                    for (UptimeRepository.IncidentSpan span : spans) {
                        int from = (int) Math.max(0, first.until(span.from().atZone(zone).toLocalDate(),
                                java.time.temporal.ChronoUnit.DAYS));
                        int to = (int) Math.min(length - 1L, first.until(span.to().atZone(zone).toLocalDate(),
                                java.time.temporal.ChronoUnit.DAYS));
                        if (to < from) {
                            continue;
                        }
                        incidents.computeIfAbsent(span.componentId(), c -> new LinkedHashMap<>())
                                .merge(span.id(), new UptimeBodies.IncidentSpan(Long.toString(span.id()), span.name(),
                                        span.impact(), from, to), (a, b) -> new UptimeBodies.IncidentSpan(a.id(),
                                        a.name(), a.impact(), Math.min(a.firstDay(), b.firstDay()),
                                        Math.max(a.lastDay(), b.lastDay())));
                    }
                    List<UptimeBodies.ComponentDays> components = new ArrayList<>();
                    for (ComponentDef component : catalog.components().values()) {
                        components.add(component(component, first, length,
                                totals.getOrDefault(component.id(), Map.of()),
                                incidents.getOrDefault(component.id(), Map.of()).values()));
                    }
                    return new UptimeBodies.Days(zone.getId(), length, first.toString(), today.toString(),
                            components);
                });
    }

    /** One component's day arrays. */
    private static UptimeBodies.ComponentDays component(ComponentDef component, LocalDate first, int length,
            Map<LocalDate, DayTotals> byDay, java.util.Collection<UptimeBodies.IncidentSpan> incidents) {
        List<Double> uptime = new ArrayList<>(length);
        List<String> worst = new ArrayList<>(length);
        long[] degraded = new long[length];
        long[] partial = new long[length];
        long[] major = new long[length];
        long[] maintenance = new long[length];
        DayTotals whole = DayTotals.EMPTY;
        for (int i = 0; i < length; i++) {
            DayTotals day = byDay.getOrDefault(first.plusDays(i), DayTotals.EMPTY);
            whole = whole.plus(day);
            uptime.add(day.uptimePercent());
            ComponentStatus worstStatus = day.worst();
            worst.add(worstStatus == null ? null : worstStatus.wire());
            degraded[i] = day.degraded() / 1000;
            partial[i] = day.partial() / 1000;
            major[i] = day.major() / 1000;
            maintenance[i] = day.maintenance() / 1000;
        }
        Map<String, long[]> seconds = new LinkedHashMap<>();
        putIfAny(seconds, ComponentStatus.DEGRADED_PERFORMANCE, degraded);
        putIfAny(seconds, ComponentStatus.PARTIAL_OUTAGE, partial);
        putIfAny(seconds, ComponentStatus.MAJOR_OUTAGE, major);
        putIfAny(seconds, ComponentStatus.UNDER_MAINTENANCE, maintenance);
        return new UptimeBodies.ComponentDays(component.id(), component.name(), component.serviceId(),
                whole.uptimePercent(), uptime, worst, seconds, List.copyOf(incidents));
    }

    private static void putIfAny(Map<String, long[]> seconds, ComponentStatus status, long[] values) {
        for (long value : values) {
            if (value > 0) {
                seconds.put(status.wire(), values);
                return;
            }
        }
    }

    /**
     * One component over a window. Windows under a week are replayed exactly from the stored changes; longer
     * windows start at local midnight, {@code days - 1} days before today, and read the per-day totals.
     */
    @WithSession
    public Uni<UptimeBodies.ComponentUptime> window(ComponentDef component, UptimeWindow window, Instant now) {
        if (window.exact()) {
            Instant from = now.minus(window.length());
            return repository.steps(component.id(), from, now)
                    .flatMap(steps -> repository.windows(component.id(), from, now).map(windows -> {
                        List<UptimeSplit.Window> maintenance = windows.stream()
                                .map(UptimeRepository.ComponentWindow::window).toList();
                        DayTotals sum = DayTotals.EMPTY;
                        for (int i = 0; i < steps.size(); i++) {
                            UptimeRepository.Step step = steps.get(i);
                            Instant segmentStart = max(step.at(), from);
                            Instant segmentEnd = i + 1 < steps.size() ? steps.get(i + 1).at() : now;
                            for (UptimeSplit.DayAmount amount : UptimeSplit.split(segmentStart, segmentEnd, step.to(),
                                    time.zone(), maintenance)) {
                                sum = sum.plus(amount.status(), amount.millis());
                            }
                        }
                        return body(component, window, from, now, sum);
                    }));
        }
        LocalDate first = now.atZone(time.zone()).toLocalDate().minusDays(window.days() - 1L);
        Instant from = first.atStartOfDay(time.zone()).toInstant();
        Map<String, Map<LocalDate, DayTotals>> totals = new HashMap<>();
        return repository.days(first, component.id())
                .invoke(rows -> rows.forEach(row -> totals.computeIfAbsent(row.componentId(), c -> new HashMap<>())
                        .merge(row.day(), row.totals(), DayTotals::plus)))
                .flatMap(ignored -> addOpenIntervals(totals, component.id(), from, now))
                .map(ignored -> body(component, window, from, now, totals.getOrDefault(component.id(), Map.of())
                        .values().stream().reduce(DayTotals.EMPTY, DayTotals::plus)));
    }

    private UptimeBodies.ComponentUptime body(ComponentDef component, UptimeWindow window, Instant from, Instant to,
            DayTotals sum) {
        return new UptimeBodies.ComponentUptime(component.id(), window.wire(), time.format(from), time.format(to),
                sum.uptimePercent(), UptimeBodies.Seconds.of(sum));
    }

    private Uni<Void> addOpenIntervals(Map<String, Map<LocalDate, DayTotals>> totals, String componentId,
            Instant start, Instant now) {
        return repository.cursors().flatMap(cursors -> repository.windows(componentId, start, now).map(windows -> {
            Map<String, List<UptimeSplit.Window>> byComponent = new HashMap<>();
            windows.forEach(w -> byComponent.computeIfAbsent(w.componentId(), c -> new ArrayList<>()).add(w.window()));
            for (UptimeRepository.Cursor cursor : cursors) {
                if (componentId != null && !componentId.equals(cursor.componentId())) {
                    continue;
                }
                for (UptimeSplit.DayAmount amount : UptimeSplit.split(max(cursor.since(), start), now,
                        cursor.status(), time.zone(), byComponent.getOrDefault(cursor.componentId(), List.of()))) {
                    totals.computeIfAbsent(cursor.componentId(), c -> new HashMap<>())
                            .merge(amount.day(), DayTotals.EMPTY.plus(amount.status(), amount.millis()), DayTotals::plus);
                }
            }
            return null;
        }));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The windows of the component uptime endpoint. */
    public enum UptimeWindow {
        H24("24h", 1, true), D7("7d", 7, true), D30("30d", 30, false), D90("90d", 90, false),
        D365("365d", 365, false);

        private final String wire;
        private final int days;
        private final boolean exact;

        UptimeWindow(String wire, int days, boolean exact) {
            this.wire = wire;
            this.days = days;
            this.exact = exact;
        }

        public String wire() {
            return wire;
        }

        public int days() {
            return days;
        }

        boolean exact() {
            return exact;
        }

        Duration length() {
            return Duration.ofDays(days);
        }

        public static java.util.Optional<UptimeWindow> parse(String wire) {
            for (UptimeWindow w : values()) {
                if (w.wire.equals(wire)) {
                    return java.util.Optional.of(w);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
