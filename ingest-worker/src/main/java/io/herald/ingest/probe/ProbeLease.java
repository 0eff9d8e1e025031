package io.herald.ingest.probe;

import io.herald.model.RedisKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * One run per check, per location, per interval slot, whatever the number of workers: the first worker to
 * {@code SET NX PX} the slot's lease runs the probe, the others skip it. The lease key is private to
 * ingest-worker (no other service reads it), so it is named here from the shared prefix rather than in status-model.
 */
@Singleton
public class ProbeLease {
    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public ProbeLease(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** True when this worker holds the lease of this slot; it expires by itself after two intervals. */
    public Uni<Boolean> acquire(String check, String location, long slot, Duration interval, String worker) {
        String key = keys.probeLease(check, location, slot);
        return redis.execute("SET", key, worker, "NX", "PX", Long.toString(interval.toMillis() * 2))
                .map(reply -> reply != null);
    }
}
