package io.herald.api.history;

import io.herald.api.db.SafeContext;
import io.herald.api.read.OverlayRefresh;
import io.herald.api.uptime.UptimeChanges;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Records the changes stream into PostgreSQL. Reads in consumer group {@value RedisKeys#HISTORY_GROUP} (created
 * with MKSTREAM when missing), first this consumer's own pending entries, then new ones; an entry is XACKed only
 * after its row is committed. When Redis or PostgreSQL fails, it waits and starts again from its pending entries,
 * so nothing is lost and, thanks to the idempotent {@link RecordStatusChange}, nothing is stored twice.
 */
@ApplicationScoped
public class HistoryConsumer {
    private final RedisKeys keys;
    private final HistoryConfig config;
    private final RecordStatusChange recorder;
    private final Vertx vertx;
    private final UptimeChanges uptimeChanges;
    private final OverlayRefresh overlay;
    private final ReactiveStreamCommands<String, String, String> streams;
    private volatile boolean stopping;
    private volatile boolean groupReady;
    private volatile boolean readingPending = true;

    public HistoryConsumer(ReactiveRedisDataSource redis, RedisKeys keys, HistoryConfig config,
            RecordStatusChange recorder, Vertx vertx, UptimeChanges uptimeChanges, OverlayRefresh overlay) {
        this.overlay = overlay;
        this.uptimeChanges = uptimeChanges;
        this.keys = keys;
        this.config = config;
        this.recorder = recorder;
        this.vertx = vertx;
        this.streams = redis.stream(String.class);
    }

    void start(@Observes StartupEvent event) {
        Log.infof("History consumer '%s' reading %s in group %s", config.consumer(), keys.changes(),
                RedisKeys.HISTORY_GROUP);
        next();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void next() {
        if (stopping) {
            return;
        }
        Uni<Void> step = groupReady ? readAndStore() : ensureGroup();
        step.subscribe().with(ok -> next(), failure -> {
            if (stopping) {
                return;
            }
            // Start again from our pending entries: whatever was read but not acknowledged is read again.
            readingPending = true;
            String message = String.valueOf(failure.getMessage());
            if (message.contains("NOGROUP") || message.contains("no longer exists")) {
                // The stream or the group was deleted under us; recreate it (entries written meanwhile are kept).
                Log.infof("Changes stream %s or its group disappeared; creating them again", keys.changes());
                groupReady = false;
            } else {
                Log.warnf("History consumer failed (%s); retrying in %s", message, config.history().retryDelay());
            }
            vertx.setTimer(Math.max(1, config.history().retryDelay().toMillis()), id -> next());
        });
    }

    private Uni<Void> ensureGroup() {
        return streams.xgroupCreate(keys.changes(), RedisKeys.HISTORY_GROUP, "0", new XGroupCreateArgs().mkstream())
                .onFailure(f -> String.valueOf(f.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .invoke(() -> {
                    groupReady = true;
                    readingPending = true;
                });
    }

    private Uni<Void> readAndStore() {
        boolean pending = readingPending;
        XReadGroupArgs args = new XReadGroupArgs().count(config.history().batch());
        if (!pending) {
            args.block(config.history().block());
        }
        return streams.xreadgroup(RedisKeys.HISTORY_GROUP, config.consumer(), keys.changes(), pending ? "0" : ">", args)
                .flatMap(entries -> {
                    if (pending && entries.isEmpty()) {
                        readingPending = false;
                    }
                    return storeInOrder(entries);
                });
    }

    private Uni<Void> storeInOrder(List<StreamMessage<String, String, String>> entries) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StreamMessage<String, String, String> entry : entries) {
            chain = chain.flatMap(ignored -> store(entry));
        }
        return chain;
    }

    private Uni<Void> store(StreamMessage<String, String, String> entry) {
        StatusChange change = decode(entry);
        if (change == null) {
            // It can never be stored; acknowledging it keeps it from blocking every entry behind it.
            return ack(entry.id());
        }
        return SafeContext.run(vertx, () -> recorder.record(entry.id(), change)).flatMap(outcome -> {
            if (outcome == RecordStatusChange.Outcome.ALREADY_STORED) {
                Log.debugf("Change %s was already recorded", entry.id());
            } else if (outcome == RecordStatusChange.Outcome.REFRESH) {
                Log.debugf("Change %s is a refresh of %s's staleness; not recorded", entry.id(), change.component());
            } else {
                uptimeChanges.changed();
            }
            if (outcome == RecordStatusChange.Outcome.STORED_INCIDENT_CHANGED) {
                overlay.refresh();
            }
            return ack(entry.id());
        });
    }

    private Uni<Void> ack(String id) {
        return streams.xack(keys.changes(), RedisKeys.HISTORY_GROUP, id).replaceWithVoid();
    }

    private static StatusChange decode(StreamMessage<String, String, String> entry) {
        String json = entry.payload() == null ? null : entry.payload().get(RedisKeys.CHANGE_FIELD);
        if (json == null) {
            Log.warnf("Changes-stream entry %s has no '%s' field; acknowledged without recording it", entry.id(),
                    RedisKeys.CHANGE_FIELD);
            return null;
        }
        try {
            StatusChange change = HeraldJson.read(json, StatusChange.class);
            if (change.component() == null || change.to() == null || change.at() == null) {
                throw new IllegalArgumentException("component, to and at are required");
            }
            return change;
        } catch (IllegalArgumentException e) {
            Log.warnf("Changes-stream entry %s is not a valid change (%s); acknowledged without recording it",
                    entry.id(), e.getMessage());
            return null;
        }
    }
}
