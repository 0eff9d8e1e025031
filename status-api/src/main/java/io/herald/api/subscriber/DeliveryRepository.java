package io.herald.api.subscriber;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The delivery rows: fan-out of new events, claiming due rows (FOR UPDATE SKIP LOCKED, then a lease, so several
 * replicas never send one row at once and a crash mid-send is retried after the lease), outcomes and the log.
 */
@ApplicationScoped
public class DeliveryRepository {
    private static final String FAN_OUT = """
            WITH events AS (
                SELECT id, type, component_ids FROM notification_event WHERE fanned_out_at IS NULL
                ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
            ), deliveries AS (
                INSERT INTO notification_delivery (event_id, subscriber_id, receiver)
                SELECT e.id, s.id, CASE WHEN s.kind = 'email' THEN 'smtp'
                                        ELSE coalesce(lower(substring(s.target FROM '^[A-Za-z]+://([^/?#]+)')), s.target) END
                FROM events e JOIN subscriber s ON s.confirmed AND s.unsubscribed_at IS NULL
                    AND (e.type <> 'component.status_changed' OR s.component_changes)
                    AND (s.whole_page OR s.component_ids && e.component_ids)
                ON CONFLICT (event_id, subscriber_id) DO NOTHING
            )
            UPDATE notification_event SET fanned_out_at = now() WHERE id IN (SELECT id FROM events)""";

    private static final String LOCK_DUE = """
            SELECT CAST(id AS text), receiver FROM notification_delivery
            WHERE state = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until <= now())
                AND receiver NOT IN (:full)
            ORDER BY next_attempt_at LIMIT :scan FOR UPDATE SKIP LOCKED""";

    private static final String LEASE = """
            UPDATE notification_delivery d
            SET lease_until = now() + :leaseMs * interval '1 millisecond', attempts = d.attempts + 1,
                last_attempt_at = now()
            FROM notification_event e, subscriber s
            WHERE d.id = ANY(CAST(string_to_array(CAST(:ids AS text), ',') AS uuid[])) AND e.id = d.event_id AND s.id = d.subscriber_id
            RETURNING CAST(d.id AS text), d.subscriber_id, d.receiver, d.attempts, %s, e.type, %s,
                CAST(e.payload AS text), s.kind, s.target, s.secret"""
            .formatted(SqlValues.millis("d.created_at"), SqlValues.millis("e.occurred_at"));

    /** The outcome and its line in the attempt log, in one statement: both are stored or neither. */
    private static final String COMPLETE = """
            WITH completed AS (
                UPDATE notification_delivery
                SET state = :state, lease_until = NULL, last_status_code = NULLIF(:code, -1),
                    last_error = NULLIF(:error, ''), next_attempt_at = to_timestamp(:nextMs / 1000.0),
                    delivered_at = CASE WHEN :state = 'delivered' THEN now() ELSE delivered_at END
                WHERE id = CAST(CAST(:id AS text) AS uuid) AND state = 'pending'
                RETURNING id, attempts
            )
            INSERT INTO delivery_attempt (delivery_id, attempt, outcome, status_code, error, next_attempt_at)
            SELECT id, attempts, :state, NULLIF(:code, -1), NULLIF(:error, ''),
                CASE WHEN :state = 'pending' THEN to_timestamp(:nextMs / 1000.0) END
            FROM completed""";

    private static final String ATTEMPTS = """
            SELECT CAST(a.delivery_id AS text), a.attempt, %s, a.outcome, a.status_code, a.error, %s
            FROM delivery_attempt a
            WHERE a.delivery_id = ANY(CAST(string_to_array(CAST(:ids AS text), ',') AS uuid[]))
            ORDER BY a.delivery_id, a.id"""
            .formatted(SqlValues.millis("a.at"), SqlValues.millis("a.next_attempt_at"));


    /** Turns up to limit new events into delivery rows; @return how many events were fanned out. */
    @WithTransaction
    public Uni<Integer> fanOut(int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(FAN_OUT)
                .setParameter("limit", limit).executeUpdate());
    }

    /**
     * Claims due rows in one transaction: locks up to scan rows not held by another replica, keeps those whose
     * receiver still has room (freeSlots says how much), and leases them.
     */
    @WithTransaction
    public Uni<List<DeliveryJob>> claim(int scan, int total, Set<String> fullReceivers,
            ToIntFunction<String> freeSlots, long leaseMillis) {
        List<String> full = fullReceivers.isEmpty() ? List.of("") : List.copyOf(fullReceivers);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(LOCK_DUE, Object[].class)
                .setParameter("full", full)
                .setParameter("scan", scan)
                .getResultList()
                .flatMap(rows -> {
                    List<String> ids = pick(rows, total, freeSlots);
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(List.<DeliveryJob>of());
                    }
                    return session.createNativeQuery(LEASE, Object[].class)
                            .setParameter("leaseMs", leaseMillis)
                            .setParameter("ids", String.join(",", ids))
                            .getResultList()
                            .map(leased -> leased.stream().map(DeliveryRepository::toJob).toList());
                }));
    }

    @WithTransaction
    public Uni<Boolean> complete(String id, DeliveryOutcome outcome, Instant keepNextAttempt) {
        Instant next = outcome.nextAttempt() == null ? keepNextAttempt : outcome.nextAttempt();
        return Panache.getSession().flatMap(session -> session.createNativeQuery(COMPLETE)
                .setParameter("state", outcome.state())
                .setParameter("code", outcome.statusCode() == null ? -1 : outcome.statusCode())
                .setParameter("error", outcome.error() == null ? "" : truncate(outcome.error()))
                .setParameter("nextMs", next.toEpochMilli())
                .setParameter("id", id)
                .executeUpdate())
                .map(count -> count > 0);
    }

    @WithSession
    public Uni<List<Object[]>> log(long subscriberId, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                SELECT CAST(d.id AS text), d.event_id, e.type, d.state, d.attempts, d.last_status_code, d.last_error,
                    %s, %s, %s, %s
                FROM notification_delivery d JOIN notification_event e ON e.id = d.event_id
                WHERE d.subscriber_id = :id ORDER BY d.created_at DESC, d.id LIMIT :limit"""
                .formatted(SqlValues.millis("d.created_at"), SqlValues.millis("d.last_attempt_at"),
                        SqlValues.millis("d.next_attempt_at"), SqlValues.millis("d.delivered_at")), Object[].class)
                .setParameter("id", subscriberId)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** The attempt log of these deliveries, oldest attempt first per delivery. */
    @WithSession
    public Uni<List<Object[]>> attempts(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(ATTEMPTS, Object[].class)
                .setParameter("ids", String.join(",", deliveryIds))
                .getResultList());
    }

    private static List<String> pick(List<Object[]> rows, int total, ToIntFunction<String> freeSlots) {
        Map<String, Integer> taken = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Object[] row : rows) {
            if (ids.size() >= total) {
                break;
            }
            String receiver = (String) row[1];
            int already = taken.getOrDefault(receiver, 0);
            if (already < freeSlots.applyAsInt(receiver)) {
                taken.put(receiver, already + 1);
                ids.add((String) row[0]);
            }
        }
        return ids;
    }

    private static DeliveryJob toJob(Object[] row) {
        return new DeliveryJob((String) row[0], SqlValues.number(row[1]), (String) row[2],
                SqlValues.integer(row[3]), SqlValues.instant(row[4]), (String) row[5], SqlValues.instant(row[6]),
                (String) row[7], SubscriberKind.fromWire((String) row[8]).orElseThrow(), (String) row[9],
                (String) row[10], null);
    }

    private static String truncate(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }
}
