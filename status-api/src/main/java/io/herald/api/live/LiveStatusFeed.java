package io.herald.api.live;

import io.herald.api.read.ReadModel;
import io.herald.model.ComponentState;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the {@link ReadModel}'s evaluated status true to Redis: the one live-channel subscription of this process
 * (the read model passes its notices on to the SSE clients), a full re-read of the current-status hash after every
 * (re)subscription, and the same re-read every {@code herald.api.resync-interval} as a safety net.
 */
@ApplicationScoped
public class LiveStatusFeed {
    private final RedisKeys keys;
    private final ReadModel readModel;
    private final LiveConfig config;
    private final Vertx vertx;
    private final ReactivePubSubCommands<String> pubsub;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final AtomicBoolean resyncing = new AtomicBoolean();
    private volatile boolean subscribed;
    private volatile boolean stopping;
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;
    private long resyncTimer = -1;

    public LiveStatusFeed(ReactiveRedisDataSource redis, RedisKeys keys, ReadModel readModel, LiveConfig config,
            Vertx vertx) {
        this.keys = keys;
        this.readModel = readModel;
        this.config = config;
        this.vertx = vertx;
        this.pubsub = redis.pubsub(String.class);
        this.hashes = redis.hash(String.class);
        this.streams = redis.stream(String.class);
    }

    void start(@Observes StartupEvent event) {
        subscribe();
        resyncTimer = vertx.setPeriodic(config.resyncInterval().toMillis(), id -> resyncInBackground());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        vertx.cancelTimer(resyncTimer);
        ReactivePubSubCommands.ReactiveRedisSubscriber current = subscriber;
        if (current != null) {
            current.unsubscribe().subscribe().with(ok -> { }, failure -> { });
        }
    }

    /** True while the live subscription is up. */
    public boolean subscribed() {
        return subscribed;
    }

    /**
     * Re-reads the newest changes-stream id, then the whole hash, and hands both to the read model. The id is read
     * first so it is never newer than the hash it goes with.
     */
    public Uni<Void> resync() {
        return streams.xrevrange(keys.changes(), StreamRange.of("+", "-"), 1)
                .map(entries -> entries.isEmpty() ? null : entries.get(0).id())
                .flatMap(latestId -> hashes.hgetall(keys.currentStatus())
                        .invoke(hash -> readModel.replace(decode(hash), latestId)))
                .replaceWithVoid();
    }

    private void subscribe() {
        if (stopping) {
            return;
        }
        pubsub.subscribe(keys.liveChannel(), this::onMessage, () -> lost(null), this::lost)
                .subscribe().with(
                        s -> {
                            subscriber = s;
                            subscribed = true;
                            reconnecting.set(false);
                            Log.infof("Subscribed to %s", keys.liveChannel());
                            // Whatever happened while we were not listening is in the hash.
                            resyncInBackground();
                        },
                        failure -> {
                            reconnecting.set(false);
                            lost(failure);
                        });
    }

    private void lost(Throwable failure) {
        subscribed = false;
        if (stopping || !reconnecting.compareAndSet(false, true)) {
            return;
        }
        Log.warnf("Live subscription to %s lost (%s); subscribing again in %s", keys.liveChannel(),
                failure == null ? "connection closed" : failure.getMessage(), config.reconnectDelay());
        vertx.setTimer(config.reconnectDelay().toMillis(), id -> {
            reconnecting.set(false);
            subscribe();
        });
    }

    private void onMessage(String message) {
        LiveNotice notice;
        try {
            notice = HeraldJson.read(message, LiveNotice.class);
        } catch (IllegalArgumentException e) {
            Log.warnf("Ignoring a live notice that is not valid: %s", e.getMessage());
            return;
        }
        readModel.apply(notice);
    }

    private void resyncInBackground() {
        if (stopping || !resyncing.compareAndSet(false, true)) {
            return;
        }
        resync().subscribe().with(
                ok -> resyncing.set(false),
                failure -> {
                    resyncing.set(false);
                    if (!stopping) {
                        Log.warnf("Could not re-read %s: %s", keys.currentStatus(), failure.getMessage());
                    }
                });
    }

    private static Map<String, ComponentState> decode(Map<String, String> hash) {
        Map<String, ComponentState> states = new HashMap<>();
        hash.forEach((component, json) -> {
            try {
                ComponentState state = HeraldJson.read(json, ComponentState.class);
                if (state.status() != null) {
                    states.put(component, state);
                }
            } catch (IllegalArgumentException e) {
                Log.warnf("Ignoring the state of %s, it is not valid: %s", component, e.getMessage());
            }
        });
        return states;
    }
}
