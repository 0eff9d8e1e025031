package io.herald.web.view;

import io.herald.model.ComponentStatus;
import io.herald.web.view.StatusView.DayView;
import io.herald.web.view.StatusView.IncidentRef;
import io.herald.web.view.StatusView.UptimeView;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One component's 90-day bar in words: a line per day, then the time spent in each bad status and the incidents. */
final class UptimeBar {
    private UptimeBar() {
    }

    /** The bar of this component, or null when status-api has no uptime for it. */
    static UptimeView of(UptimeDocument uptime, String componentId, Wording words) {
        if (uptime == null || uptime.components() == null) {
            return null;
        }
        for (UptimeDocument.Component component : uptime.components()) {
            if (componentId.equals(component.id())) {
                return of(component, words);
            }
        }
        return null;
    }

    static UptimeView of(UptimeDocument.Component component, Wording words) {
        List<DayView> days = new ArrayList<>();
        for (UptimeDocument.Day day : component.days() == null ? List.<UptimeDocument.Day>of() : component.days()) {
            days.add(day(day, words));
        }
        return new UptimeView(component.uptimePercent() == null ? null : words.percent(component.uptimePercent()),
                List.copyOf(days));
    }

    static DayView day(UptimeDocument.Day day, Wording words) {
        String date = dateWords(day.date(), words);
        if (day.uptimePercent() == null) {
            return new DayView(day.date(), "none", String.format(words.dayNoData(), date), List.of(), List.of());
        }
        String worst = ComponentStatus.parse(day.worstStatus()).map(ComponentStatus::wire).orElse("operational");
        List<String> lines = new ArrayList<>();
        Map<String, Long> seconds = day.seconds() == null ? Map.of() : day.seconds();
        seconds.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0 && !e.getKey().equals("operational"))
                .flatMap(e -> ComponentStatus.parse(e.getKey()).map(s -> Map.entry(s, e.getValue())).stream())
                .sorted(Comparator.comparingInt((Map.Entry<ComponentStatus, Long> e) -> e.getKey().severity()).reversed())
                .forEach(e -> lines.add(String.format(words.label(), words.words(e.getKey()), words.duration(e.getValue()))));
        List<IncidentRef> incidents = new ArrayList<>();
        for (UptimeDocument.DayIncident incident : day.incidents() == null ? List.<UptimeDocument.DayIncident>of()
                : day.incidents()) {
            if (incident.id() != null && incident.name() != null) {
                incidents.add(new IncidentRef(incident.id(), incident.name()));
                lines.add(String.format(words.dayIncident(), incident.name()));
            }
        }
        return new DayView(day.date(), worst,
                String.format(words.dayUptime(), date, words.percent(day.uptimePercent())),
                List.copyOf(lines), List.copyOf(incidents));
    }

    private static String dateWords(String date, Wording words) {
        try {
            return words.date().format(LocalDate.parse(date));
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(date);
        }
    }
}
