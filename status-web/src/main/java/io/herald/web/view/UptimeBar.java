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
                return of(uptime, component, words);
            }
        }
        return null;
    }

    /** The bar from the day arrays; day i is firstDay + i (the dates are read from the document when given). */
    static UptimeView of(UptimeDocument uptime, UptimeDocument.Component component, Wording words) {
        List<Double> percents = component.uptimePercentByDay() == null ? List.of() : component.uptimePercentByDay();
        LocalDate first = firstDay(uptime, percents.size());
        List<DayView> days = new ArrayList<>(percents.size());
        for (int i = 0; i < percents.size(); i++) {
            days.add(day(component, i, first == null ? null : first.plusDays(i), words));
        }
        return new UptimeView(component.uptimePercent() == null ? null : words.percent(component.uptimePercent()),
                List.copyOf(days));
    }

    private static LocalDate firstDay(UptimeDocument uptime, int length) {
        try {
            if (uptime != null && uptime.firstDay() != null) {
                return LocalDate.parse(uptime.firstDay());
            }
            if (uptime != null && uptime.lastDay() != null) {
                return LocalDate.parse(uptime.lastDay()).minusDays(length - 1L);
            }
        } catch (DateTimeParseException e) {
            // the days are shown without dates rather than not at all
        }
        return null;
    }

    static DayView day(UptimeDocument.Component component, int index, LocalDate date, Wording words) {
        String iso = date == null ? "" : date.toString();
        String dateWords = date == null ? "" : words.date().format(date);
        Double percent = at(component.uptimePercentByDay(), index);
        if (percent == null) {
            return new DayView(iso, "none", String.format(words.dayNoData(), dateWords), List.of(), List.of());
        }
        String worst = ComponentStatus.parse(at(component.worstStatusByDay(), index)).map(ComponentStatus::wire)
                .orElse("operational");
        List<String> lines = new ArrayList<>();
        Map<String, List<Long>> seconds = component.secondsByDay() == null ? Map.of() : component.secondsByDay();
        seconds.entrySet().stream()
                .filter(e -> !e.getKey().equals("operational"))
                .flatMap(e -> ComponentStatus.parse(e.getKey()).map(s -> Map.entry(s, at(e.getValue(), index))).stream())
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Comparator.comparingInt((Map.Entry<ComponentStatus, Long> e) -> e.getKey().severity()).reversed())
                .forEach(e -> lines.add(String.format(words.label(), words.words(e.getKey()), words.duration(e.getValue()))));
        List<IncidentRef> incidents = new ArrayList<>();
        for (UptimeDocument.DayIncident incident : component.incidents() == null
                ? List.<UptimeDocument.DayIncident>of() : component.incidents()) {
            if (incident.id() != null && incident.name() != null && incident.firstDay() != null
                    && incident.lastDay() != null && incident.firstDay() <= index && index <= incident.lastDay()) {
                incidents.add(new IncidentRef(incident.id(), incident.name()));
                lines.add(String.format(words.dayIncident(), incident.name()));
            }
        }
        return new DayView(iso, worst, String.format(words.dayUptime(), dateWords, words.percent(percent)),
                List.copyOf(lines), List.copyOf(incidents));
    }

    private static <T> T at(List<T> values, int index) {
        return values != null && index < values.size() ? values.get(index) : null;
    }
}
