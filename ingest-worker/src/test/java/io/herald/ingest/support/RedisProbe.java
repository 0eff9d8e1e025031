package io.herald.ingest.support;

import io.herald.model.ComponentState;
import io.herald.model.HeraldJson;
import io.herald.model.RedisKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.stream.StreamMessage;
import java.util.List;
import java.util.Map;

/** Reads what the worker wrote to Redis, the way another service would. */
public final class RedisProbe {
    private final RedisDataSource redis;
    private final RedisKeys keys = new RedisKeys(TestEnvironment.PREFIX);

    public RedisProbe(RedisDataSource redis) {
        this.redis = redis;
    }

    public RedisKeys keys() {
        return keys;
    }

    public ComponentState current(String component) {
        String json = redis.hash(String.class).hget(keys.currentStatus(), component);
        return json == null ? null : HeraldJson.read(json, ComponentState.class);
    }

    public Map<String, Object> checkState(String check) {
        String json = redis.hash(String.class).hget(keys.checkStates(), check);
        return json == null ? Map.of() : HeraldJson.read(json, Map.class);
    }

    /** One location's threshold state of a check ("" for signals without a location: webhooks, pulls). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> locationState(String check, String location) {
        Object locations = checkState(check).get("locations");
        Object state = locations instanceof Map<?, ?> map ? map.get(location) : null;
        return state == null ? Map.of() : (Map<String, Object>) state;
    }

    public List<StreamMessage<String, String, String>> signals() {
        return redis.stream(String.class).xrange(keys.signals(), io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"));
    }

    public List<StreamMessage<String, String, String>> changes() {
        return redis.stream(String.class).xrange(keys.changes(), io.quarkus.redis.datasource.stream.StreamRange.of("-", "+"));
    }
}
