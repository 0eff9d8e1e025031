package io.herald.api.subscriber;

import io.herald.model.HeraldJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one entry point for everything that notifies subscribers. Call {@link #record} inside your own
 * {@code @WithTransaction}: the event commits (or rolls back) with the change it tells about, and the
 * dispatcher delivers it afterwards, however often the process restarts.
 */
@ApplicationScoped
public class NotificationOutbox {
    private static final String INSERT = """
            INSERT INTO notification_event (type, occurred_at, component_ids, payload, dedupe_key)
            VALUES (:type, CAST(CAST(:occurredAt AS text) AS timestamptz),
                    ARRAY(SELECT jsonb_array_elements_text(CAST(CAST(:components AS text) AS jsonb))),
                    CAST(CAST(:payload AS text) AS jsonb), :dedupeKey)
            ON CONFLICT (dedupe_key) DO NOTHING""";

    /** Records the event once: a second call with the same dedupe key changes nothing. */
    @WithSession
    public Uni<Void> record(NotificationEvent event) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(INSERT)
                .setParameter("type", event.type().wire())
                .setParameter("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC).toString())
                .setParameter("components", HeraldJson.write(event.componentIds()))
                .setParameter("payload", HeraldJson.write(event.payload()))
                .setParameter("dedupeKey", event.dedupeKey())
                .executeUpdate())
                .replaceWithVoid();
    }
}
