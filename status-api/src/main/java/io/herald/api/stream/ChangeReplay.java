package io.herald.api.stream;

import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.RedisKeys;
import io.herald.model.StatusChange;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads the changes a client missed: every changes-stream entry strictly after a given id. */
@ApplicationScoped
public class ChangeReplay {
    private final RedisKeys keys;
    private final StreamConfig config;
    private final ReactiveStreamCommands<String, String, String> streams;

    public ChangeReplay(ReactiveRedisDataSource redis, RedisKeys keys, StreamConfig config) {
        this.keys = keys;
        this.config = config;
        this.streams = redis.stream(String.class);
    }

    public Uni<List<LiveNotice>> after(String lastEventId) {
        return page(lastEventId, new ArrayList<>());
    }

    private Uni<List<LiveNotice>> page(String after, List<LiveNotice> collected) {
        int batch = config.replayBatch();
        return streams.xrange(keys.changes(), StreamRange.of("(" + after, "+"), batch).flatMap(entries -> {
            entries.forEach(entry -> decode(entry, collected));
            if (entries.size() < batch) {
                return Uni.createFrom().item(collected);
            }
            return page(entries.get(entries.size() - 1).id(), collected);
        });
    }

    private static void decode(StreamMessage<String, String, String> entry, List<LiveNotice> into) {
        String json = entry.payload().get(RedisKeys.CHANGE_FIELD);
        try {
            into.add(new LiveNotice(entry.id(), HeraldJson.read(json, StatusChange.class)));
        } catch (IllegalArgumentException | NullPointerException e) {
            Log.warnf("Skipping changes-stream entry %s, it holds no valid change: %s", entry.id(), e.getMessage());
        }
    }
}
