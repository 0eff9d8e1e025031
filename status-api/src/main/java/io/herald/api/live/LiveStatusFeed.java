package io.herald.api.live;

import io.herald.api.read.ReadModel;
import io.herald.api.stream.ChangeReplay;
import io.herald.model.ComponentState;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.herald.model.StreamIds;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the {@link ReadModel}'s evaluated status true to Redis: the one live-channel subscription of this process
 * (the read model passes its notices on to the SSE clients), a full re-read of the current-status hash after every
 * (re)subscription, and the same re-read every {@code herald.api.resync-interval} as a safety net. While the
 * subscription is down the read model's pages say live updates are paused. Each re-read also reads Redis's state
 * epoch ({@link RedisKeys#stateEpoch()}, in the same MULTI as the hash): when the epoch seen before changed or
 * disappeared, Redis lost its data, so the time is written to {@link RedisKeys#stateLost()} (SET NX, the evaluators
 * use it too) and the read model keeps what it knew, marked stale, instead of taking the empty hash as operational.
 * After a resubscription (Redis restarted, the connection cut) it first catches up: every changes-stream entry after
 * the last change it passed on goes to the read model, and so to the SSE clients still connected, in order, before
 * the notices that came on the new subscription meanwhile; none is passed on twice.
 */
@ApplicationScoped
public class LiveStatusFeed {
    private final RedisKeys keys;
    private final ReadModel readModel;
    private final LiveConfig config;
    private final Vertx vertx;
    private final ReactivePubSubCommands<String> pubsub;
    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    private final AtomicBoolean resyncing = new AtomicBoolean();
    private final AtomicBoolean resyncAgain = new AtomicBoolean();
    private volatile boolean subscribed;
    private volatile boolean stopping;
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;
    /** The epoch of the data read last; null before the first read or while Redis has none. */
    private volatile String epoch;
    private volatile boolean epochRead;
    /** When this process found Redis had lost its data, or null. */
    private volatile Instant noticedLost;
    private long resyncTimer = -1;
    private final ChangeReplay replay;
    /** Notices that came on a new subscription while the missed changes were read; guarded by {@code this}. */
    private final List<LiveNotice> held = new ArrayList<>();
    private boolean catchingUp;

    public LiveStatusFeed(ReactiveRedisDataSource redis, RedisKeys keys, ReadModel readModel, LiveConfig config,
            Vertx vertx, ChangeReplay replay) {
        this.replay = replay;
        this.keys = keys;
        this.readModel = readModel;
        this.config = config;
        this.vertx = vertx;
        this.redis = redis;
        this.pubsub = redis.pubsub(String.class);
        this.values = redis.value(String.class);
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
     * Re-reads, in one MULTI, the newest changes-stream id, the state epoch, the lost-state mark and the whole hash,
     * and hands them to the read model (the id never newer than the hash it goes with).
     */
    public Uni<Void> resync() {
        return redis.withTransaction(tx -> tx.stream(String.class).xrevrange(keys.changes(), StreamRange.of("+", "-"), 1)
                        .chain(() -> tx.value(String.class).get(keys.stateEpoch()))
                        .chain(() -> tx.value(String.class).get(keys.stateLost()))
                        .chain(() -> tx.hash(String.class).hgetall(keys.currentStatus())))
                .flatMap(result -> {
                    List<StreamMessage<String, String, String>> top = result.get(0);
                    String latestId = top == null || top.isEmpty() ? null : top.get(0).id();
                    Map<String, String> hash = result.get(3);
                    return lostAt(result.get(1), result.get(2)).invoke(lostAt -> readModel.replace(
                            decode(hash == null ? Map.of() : hash), latestId, lostAt));
                })
                .replaceWithVoid();
    }

    /**
     * When Redis lost its data, or null: the mark an evaluator or a replica wrote, or now when this read finds the
     * epoch seen before changed or gone (then written, SET NX, for the others).
     */
    private Uni<Instant> lostAt(String readEpoch, String mark) {
        boolean lostNow = epochRead && epoch != null && !epoch.equals(readEpoch);
        epoch = readEpoch;
        epochRead = true;
        if (!lostNow) {
            Instant marked = parse(mark);
            return Uni.createFrom().item(marked != null ? marked : noticedLost);
        }
        Instant now = Instant.now();
        noticedLost = now;
        Log.warnf("Redis lost its data (state epoch %s is gone); showing the last known status, marked stale",
                keys.stateEpoch());
        return values.setnx(keys.stateLost(), now.toString())
                .map(written -> written ? now : Objects.requireNonNullElse(parse(mark), now))
                .onFailure().recoverWithItem(now);
    }

    private static Instant parse(String mark) {
        if (mark == null || mark.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(mark.trim());
        } catch (java.time.format.DateTimeParseException e) {
            Log.warnf("Ignoring a lost-state mark that is not a time: '%s'", mark);
            return null;
        }
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
                            // What happened while we were not listening is in the changes stream (for the SSE
                            // clients) and in the hash; the page is live again once both are read.
                            catchUp();
                        },
                        failure -> {
                            reconnecting.set(false);
                            lost(failure);
                        });
    }

    private void lost(Throwable failure) {
        subscribed = false;
        if (!stopping) {
            readModel.paused(Instant.now());
        }
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
        synchronized (this) {
            if (catchingUp) {
                held.add(notice);
                return;
            }
        }
        readModel.apply(notice);
    }

    /**
     * Passes on the changes made since the last one passed on (none before the first read: the hash is the start),
     * then the notices held meanwhile that are newer, then re-reads the hash.
     */
    private void catchUp() {
        String last = readModel.lastEventId();
        if (last == null || !StreamIds.isValid(last)) {
            resyncInBackground();
            return;
        }
        synchronized (this) {
            catchingUp = true;
        }
        replay.after(last).subscribe().with(missed -> {
            missed.forEach(readModel::apply);
            if (!missed.isEmpty()) {
                Log.infof("Passed on %d changes made while the live subscription was down", missed.size());
            }
            releaseHeld();
        }, failure -> {
            Log.warnf("Could not read the changes made while the live subscription was down: %s",
                    failure.getMessage());
            releaseHeld();
        });
    }

    /** Applies the held notices in the order they came, until none is left, then lets new ones through. */
    private void releaseHeld() {
        while (true) {
            List<LiveNotice> waiting;
            synchronized (this) {
                if (held.isEmpty()) {
                    catchingUp = false;
                    break;
                }
                waiting = List.copyOf(held);
                held.clear();
            }
            for (LiveNotice notice : waiting) {
                String last = readModel.lastEventId();
                if (!StreamIds.isValid(notice.id()) || last == null || StreamIds.compare(notice.id(), last) > 0) {
                    readModel.apply(notice);
                }
            }
        }
        resyncInBackground();
    }

    /**
     * One re-read at a time; one asked for while another runs is done after it (it may have started before the
     * subscription did). Once a re-read succeeds while subscribed, the page is live again.
     */
    private void resyncInBackground() {
        if (stopping) {
            return;
        }
        if (!resyncing.compareAndSet(false, true)) {
            resyncAgain.set(true);
            return;
        }
        resyncAgain.set(false);
        resync().subscribe().with(
                ok -> {
                    if (subscribed) {
                        readModel.resumed();
                    }
                    finishResync();
                },
                failure -> {
                    if (!stopping) {
                        Log.warnf("Could not re-read %s: %s", keys.currentStatus(), failure.getMessage());
                    }
                    finishResync();
                });
    }

    private void finishResync() {
        resyncing.set(false);
        if (resyncAgain.getAndSet(false)) {
            resyncInBackground();
        }
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
