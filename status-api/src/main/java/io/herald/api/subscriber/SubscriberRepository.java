package io.herald.api.subscriber;

import io.herald.model.HeraldJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Table subscriber and the unsubscribe links of sent mails (native SQL: the columns are PostgreSQL arrays). */
@ApplicationScoped
public class SubscriberRepository {
    private static final String COLUMNS = "id, kind, target, whole_page, CAST(array_to_json(component_ids) AS text), "
            + "component_changes, confirmed, " + SqlValues.millis("created_at") + ", created_by, "
            + SqlValues.millis("unsubscribed_at") + ", unsubscribe_reason";

    @WithSession
    public Uni<Long> insert(NewSubscriber subscriber) {
        return Panache.getSession().flatMap(session -> session.<Long>createNativeQuery("""
                INSERT INTO subscriber (kind, target, whole_page, component_ids, component_changes, confirmed,
                    confirm_token_sha256, unsubscribe_token_sha256, secret, created_by)
                VALUES (:kind, :target, :wholePage, ARRAY(SELECT jsonb_array_elements_text(CAST(CAST(:components AS text) AS jsonb))),
                    :componentChanges, :confirmed, :confirmHash, :unsubscribeHash, :secret, :createdBy)
                ON CONFLICT DO NOTHING
                RETURNING id""", Long.class)
                .setParameter("kind", subscriber.kind().wire())
                .setParameter("target", subscriber.target())
                .setParameter("wholePage", subscriber.componentIds().isEmpty())
                .setParameter("components", HeraldJson.write(subscriber.componentIds()))
                .setParameter("componentChanges", subscriber.componentChanges())
                .setParameter("confirmed", subscriber.confirmed())
                .setParameter("confirmHash", subscriber.confirmTokenSha256())
                .setParameter("unsubscribeHash", subscriber.unsubscribeTokenSha256())
                .setParameter("secret", subscriber.secret())
                .setParameter("createdBy", subscriber.createdBy())
                .getResultList())
                .map(ids -> ids.isEmpty() ? -1L : SqlValues.number(ids.get(0)));
    }

    @WithSession
    public Uni<Optional<Subscriber>> findActiveByTarget(SubscriberKind kind, String target) {
        return select("WHERE kind = :kind AND lower(target) = lower(:target) AND unsubscribed_at IS NULL", "kind",
                kind.wire(), "target", target).map(rows -> rows.stream().findFirst());
    }

    @WithSession
    public Uni<Optional<Subscriber>> findById(long id) {
        return select("WHERE id = :id", "id", id, null, null).map(rows -> rows.stream().findFirst());
    }

    @WithSession
    public Uni<List<Subscriber>> list(int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT " + COLUMNS + " FROM subscriber ORDER BY id LIMIT :limit", Object[].class)
                .setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(SubscriberRepository::toSubscriber).toList());
    }

    /** Replaces the confirm token of a subscriber still waiting for confirmation (it asked again). */
    @WithSession
    public Uni<Boolean> replaceConfirmToken(long id, String confirmHash) {
        return update("UPDATE subscriber SET confirm_token_sha256 = :hash WHERE id = :id AND NOT confirmed",
                "hash", confirmHash, "id", id).map(count -> count > 0);
    }

    @WithSession
    public Uni<Boolean> confirm(String confirmHash) {
        return update("UPDATE subscriber SET confirmed = TRUE, confirm_token_sha256 = NULL "
                + "WHERE confirm_token_sha256 = :hash AND unsubscribed_at IS NULL", "hash", confirmHash, null, null)
                .map(count -> count > 0);
    }

    /** Finds the subscriber of an unsubscribe token: the one handed out at creation or one from a mail. */
    @WithSession
    public Uni<Optional<Long>> findByUnsubscribeHash(String hash) {
        return Panache.getSession().flatMap(session -> session.<Long>createNativeQuery("""
                SELECT id FROM subscriber WHERE unsubscribe_token_sha256 = :hash
                UNION SELECT subscriber_id FROM unsubscribe_link WHERE token_sha256 = :hash""", Long.class)
                .setParameter("hash", hash)
                .getResultList())
                .map(ids -> ids.stream().findFirst().map(SqlValues::number));
    }

    /** Marks the subscriber gone and drops its pending deliveries; its log stays for the operators. */
    @WithSession
    public Uni<Boolean> unsubscribe(long id, String reason) {
        return update("UPDATE subscriber SET unsubscribed_at = now(), unsubscribe_reason = :reason "
                + "WHERE id = :id AND unsubscribed_at IS NULL", "reason", reason, "id", id)
                .call(() -> update("UPDATE notification_delivery SET state = 'dropped', lease_until = NULL, "
                        + "last_error = coalesce(last_error, 'unsubscribed') "
                        + "WHERE subscriber_id = :id AND state = 'pending'", "id", id, null, null))
                .map(count -> count > 0);
    }

    @WithSession
    public Uni<Boolean> delete(long id) {
        return update("DELETE FROM subscriber WHERE id = :id", "id", id, null, null).map(count -> count > 0);
    }

    @WithSession
    public Uni<Void> insertUnsubscribeLink(String hash, long subscriberId) {
        return update("INSERT INTO unsubscribe_link (token_sha256, subscriber_id) VALUES (:hash, :id)",
                "hash", hash, "id", subscriberId).replaceWithVoid();
    }

    private Uni<List<Subscriber>> select(String where, String name1, Object value1, String name2, Object value2) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery("SELECT " + COLUMNS + " FROM subscriber " + where, Object[].class)
                    .setParameter(name1, value1);
            if (name2 != null) {
                query.setParameter(name2, value2);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(SubscriberRepository::toSubscriber).toList());
    }

    private static Uni<Integer> update(String sql, String name1, Object value1, String name2, Object value2) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql).setParameter(name1, value1);
            if (name2 != null) {
                query.setParameter(name2, value2);
            }
            return query.executeUpdate();
        });
    }

    private static Subscriber toSubscriber(Object[] row) {
        return new Subscriber(SqlValues.number(row[0]), SubscriberKind.fromWire((String) row[1]).orElseThrow(),
                (String) row[2], (Boolean) row[3], SqlValues.strings(row[4]), (Boolean) row[5], (Boolean) row[6],
                SqlValues.instant(row[7]), (String) row[8], SqlValues.instant(row[9]), (String) row[10]);
    }
}
