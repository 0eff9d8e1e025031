package io.herald.web.view;

import io.herald.model.ComponentStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words of the overall banner: "All Systems Operational" when every service is operational, else
 * the affected services grouped by status, worst status first, services in page order, for example
 * "Partial outage: ActiveSync; Degraded performance: Email, Calendar".
 */
public final class BannerText {
    public static final String ALL_OPERATIONAL = "All Systems Operational";

    private BannerText() {
    }

    public record Affected(String service, ComponentStatus status) {
    }

    public static String of(List<Affected> services) {
        return of(services, Wording.ENGLISH);
    }

    public static String of(List<Affected> services, Wording wording) {
        Map<ComponentStatus, List<String>> byStatus = new EnumMap<>(ComponentStatus.class);
        for (Affected affected : services) {
            if (affected.status() != ComponentStatus.OPERATIONAL) {
                byStatus.computeIfAbsent(affected.status(), s -> new ArrayList<>()).add(affected.service());
            }
        }
        if (byStatus.isEmpty()) {
            return wording.allOperational();
        }
        return byStatus.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<ComponentStatus, List<String>> e) -> e.getKey().severity()).reversed())
                .map(e -> String.format(wording.label(), wording.words(e.getKey()), String.join(", ", e.getValue())))
                .collect(Collectors.joining("; "));
    }
}
