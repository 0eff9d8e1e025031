package io.herald.api.latency;

import io.herald.api.db.SafeContext;
import io.herald.api.history.HistoryConfig;
import io.herald.model.RedisKeys;
import io.herald.model.Signal;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the signals stream in status-api's own consumer group ({@code herald.api.latency.group}) and stores the
 * latency of every signal that carries one. A batch is acknowledged after its rows are committed; storing is
 * idempotent on the stream id, so a redelivery is stored once. The group starts at the stream's end: latency from
 * before the first start is not backfilled.
 */
@ApplicationScoped
public class LatencyConsumer {
    private final RedisKeys keys;
    private final LatencyConfig config;
    private final HistoryConfig consumer;
    private final LatencyStore store;
    private final Vertx vertx;
    private final ReactiveStreamCommands<String, String, String> streams;
    private volatile boolean stopping;
    private volatile boolean groupReady;
    private volatile boolean readingPending = true;

    public LatencyConsumer(ReactiveRedisDataSource redis, RedisKeys keys, LatencyConfig config,
            HistoryConfig consumer, LatencyStore store, Vertx vertx) {
        this.keys = keys;
        this.config = config;
        this.consumer = consumer;
        this.store = store;
        this.vertx = vertx;
        this.streams = redis.stream(String.class);
    }

    void start(@Observes StartupEvent event) {
        Log.infof("Latency consumer '%s' reading %s in group %s", consumer.consumer(), keys.signals(), config.group());
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
            readingPending = true;
            String message = String.valueOf(failure.getMessage());
            if (message.contains("NOGROUP") || message.contains("no longer exists")) {
                groupReady = false;
            } else {
                Log.warnf("Latency consumer failed (%s); retrying in %s", message, config.retryDelay());
            }
            vertx.setTimer(Math.max(1, config.retryDelay().toMillis()), id -> next());
        });
    }

    private Uni<Void> ensureGroup() {
        return streams.xgroupCreate(keys.signals(), config.group(), "$", new XGroupCreateArgs().mkstream())
                .onFailure(f -> String.valueOf(f.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .invoke(() -> {
                    groupReady = true;
                    readingPending = true;
                });
    }

    private Uni<Void> readAndStore() {
        boolean pending = readingPending;
        XReadGroupArgs args = new XReadGroupArgs().count(config.batch());
        if (!pending) {
            args.block(config.block());
        }
        return streams.xreadgroup(config.group(), consumer.consumer(), keys.signals(), pending ? "0" : ">", args)
                .flatMap(entries -> {
                    if (pending && entries.isEmpty()) {
                        readingPending = false;
                    }
                    if (entries.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    List<LatencyRepository.Sample> samples = new ArrayList<>();
                    for (StreamMessage<String, String, String> entry : entries) {
                        sample(entry, samples);
                    }
                    Uni<Void> stored = samples.isEmpty() ? Uni.createFrom().voidItem()
                            : SafeContext.run(vertx, () -> store.store(samples));
                    String[] ids = entries.stream().map(StreamMessage::id).toArray(String[]::new);
                    return stored.flatMap(ignored -> streams.xack(keys.signals(), config.group(), ids))
                            .replaceWithVoid();
                });
    }

    private static void sample(StreamMessage<String, String, String> entry, List<LatencyRepository.Sample> into) {
        try {
            Signal signal = Signal.fromFields(entry.payload());
            if (signal.latencyMs() != null && signal.latencyMs() >= 0) {
                into.add(new LatencyRepository.Sample(entry.id(), signal.check(), signal.observedAt(),
                        signal.latencyMs()));
            }
        } catch (RuntimeException e) {
            Log.debugf("Signals entry %s is not a valid signal (%s); no latency from it", entry.id(), e.getMessage());
        }
    }
}
