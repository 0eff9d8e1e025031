package io.herald.api.uptime;

import io.herald.model.ComponentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The per-day totals (table uptime_day), each component's open interval (uptime_cursor) and the maintenance windows
 * that count apart. Native SQL: the upserts and the wide reads have no entity shape. Callers hold the session.
 */
@ApplicationScoped
public class UptimeRepository {

    /** A component's status since its last stored change. */
    public record Cursor(String componentId, ComponentStatus status, Instant since) {
    }

    /** One uptime_day row. */
    public record DayRow(String componentId, LocalDate day, DayTotals totals) {
    }

    /** A maintenance window of one component. */
    public record ComponentWindow(String componentId, UptimeSplit.Window window) {
    }

    /** One change, for replaying a short window exactly. */
    public record Step(ComponentStatus to, Instant at) {
    }

    private static final String WINDOW_END = "LEAST(i.scheduled_until, COALESCE(i.ended_at, i.scheduled_until))";

    public Uni<Cursor> cursorForUpdate(String componentId) {
        return session().flatMap(s -> s.createNativeQuery(
                        "SELECT status, (EXTRACT(EPOCH FROM since) * 1000)::bigint FROM uptime_cursor "
                                + "WHERE component_id = ?1 FOR UPDATE", Object[].class)
                .setParameter(1, componentId).getResultList())
                .map(rows -> rows.isEmpty() ? null : new Cursor(componentId,
                        ComponentStatus.fromWire((String) rows.get(0)[0]), millis(rows.get(0)[1])));
    }

    public Uni<List<Cursor>> cursors() {
        return session().flatMap(s -> s.createNativeQuery(
                "SELECT component_id, status, (EXTRACT(EPOCH FROM since) * 1000)::bigint FROM uptime_cursor",
                Object[].class).getResultList())
                .map(rows -> rows.stream().map(r -> new Cursor((String) r[0], ComponentStatus.fromWire((String) r[1]),
                        millis(r[2]))).toList());
    }

    public Uni<Void> saveCursor(String componentId, ComponentStatus status, Instant since) {
        return session().flatMap(s -> s.createNativeQuery(
                        "INSERT INTO uptime_cursor (component_id, status, since) VALUES (?1, ?2, ?3) "
                                + "ON CONFLICT (component_id) DO UPDATE SET status = EXCLUDED.status, since = EXCLUDED.since")
                .setParameter(1, componentId).setParameter(2, status.wire()).setParameter(3, since)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> add(String componentId, List<UptimeSplit.DayAmount> amounts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UptimeSplit.DayAmount amount : amounts) {
            String column = column(amount.status());
            chain = chain.flatMap(ignored -> session().flatMap(s -> s.createNativeQuery(
                            "INSERT INTO uptime_day (component_id, day, " + column + ") VALUES (?1, ?2, ?3) "
                                    + "ON CONFLICT (component_id, day) DO UPDATE SET " + column + " = uptime_day."
                                    + column + " + EXCLUDED." + column)
                    .setParameter(1, componentId).setParameter(2, amount.day()).setParameter(3, amount.millis())
                    .executeUpdate())).replaceWithVoid();
        }
        return chain;
    }

    public Uni<List<DayRow>> days(LocalDate from, String componentId) {
        String where = componentId == null ? "" : " AND component_id = ?2";
        return session().flatMap(s -> {
            var query = s.createNativeQuery("SELECT component_id, day::text, operational_ms, degraded_ms, partial_ms, "
                    + "major_ms, maintenance_ms FROM uptime_day WHERE day >= ?1" + where, Object[].class)
                    .setParameter(1, from);
            if (componentId != null) {
                query.setParameter(2, componentId);
            }
            return query.getResultList();
        }).map(rows -> {
            List<DayRow> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                out.add(new DayRow((String) r[0], LocalDate.parse((String) r[1]), new DayTotals(num(r[2]), num(r[3]),
                        num(r[4]), num(r[5]), num(r[6]))));
            }
            return out;
        });
    }

    /** Maintenance windows overlapping [from, to), of one component or (componentId null) of all. */
    public Uni<List<ComponentWindow>> windows(String componentId, Instant from, Instant to) {
        String where = componentId == null ? "" : " AND c.component_id = ?3";
        return session().flatMap(s -> {
            var query = s.createNativeQuery("SELECT c.component_id, (EXTRACT(EPOCH FROM i.scheduled_for) * 1000)::bigint, "
                    + "(EXTRACT(EPOCH FROM " + WINDOW_END + ") * 1000)::bigint FROM incident i "
                    + "JOIN incident_component c ON c.incident_id = i.id WHERE i.kind = 'maintenance' "
                    + "AND i.scheduled_for < ?2 AND " + WINDOW_END + " > ?1" + where, Object[].class)
                    .setParameter(1, from).setParameter(2, to);
            if (componentId != null) {
                query.setParameter(3, componentId);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> new ComponentWindow((String) r[0],
                new UptimeSplit.Window(millis(r[1]), millis(r[2])))).toList());
    }

    /** The component's status at {@code from} (its last change before) and every change in (from, to]. */
    public Uni<List<Step>> steps(String componentId, Instant from, Instant to) {
        return session().flatMap(s -> s.createNativeQuery(
                        "(SELECT to_status, (EXTRACT(EPOCH FROM changed_at) * 1000)::bigint AS at_ms, id FROM status_change "
                                + "WHERE component_id = ?1 AND changed_at <= ?2 ORDER BY changed_at DESC, id DESC LIMIT 1) "
                                + "UNION ALL (SELECT to_status, (EXTRACT(EPOCH FROM changed_at) * 1000)::bigint, id "
                                + "FROM status_change WHERE component_id = ?1 AND changed_at > ?2 AND changed_at <= ?3) "
                                + "ORDER BY at_ms, id", Object[].class)
                .setParameter(1, componentId).setParameter(2, from).setParameter(3, to).getResultList())
                .map(rows -> rows.stream().map(r -> new Step(ComponentStatus.fromWire((String) r[0]), millis(r[1])))
                        .toList());
    }

    /** An incident touching a component, for the day bars. */
    public record IncidentSpan(String componentId, long id, String name, String impact, Instant from, Instant to) {
    }

    /** Incidents (not maintenances) of any component that were open at some time in [from, to). */
    public Uni<List<IncidentSpan>> incidents(Instant from, Instant to) {
        return session().flatMap(s -> s.createNativeQuery("SELECT c.component_id, i.id, i.name, i.impact, "
                        + "(EXTRACT(EPOCH FROM i.started_at) * 1000)::bigint, "
                        + "(EXTRACT(EPOCH FROM COALESCE(i.resolved_at, ?2)) * 1000)::bigint FROM incident i "
                        + "JOIN incident_component c ON c.incident_id = i.id WHERE i.kind = 'incident' "
                        + "AND i.started_at < ?2 AND COALESCE(i.resolved_at, ?2) >= ?1 ORDER BY i.started_at, i.id",
                        Object[].class)
                .setParameter(1, from).setParameter(2, to).getResultList())
                .map(rows -> rows.stream().map(r -> new IncidentSpan((String) r[0], num(r[1]), (String) r[2],
                        (String) r[3], millis(r[4]), millis(r[5]))).toList());
    }

    public Uni<Integer> deleteDaysBefore(LocalDate day) {
        return session().flatMap(s -> s.createNativeQuery("DELETE FROM uptime_day WHERE day < ?1")
                .setParameter(1, day).executeUpdate());
    }

    private static String column(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "operational_ms";
            case DEGRADED_PERFORMANCE -> "degraded_ms";
            case PARTIAL_OUTAGE -> "partial_ms";
            case MAJOR_OUTAGE -> "major_ms";
            case UNDER_MAINTENANCE -> "maintenance_ms";
        };
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant millis(Object value) {
        return Instant.ofEpochMilli(num(value));
    }
}
