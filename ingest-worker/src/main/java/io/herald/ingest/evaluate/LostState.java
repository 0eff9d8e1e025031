package io.herald.ingest.evaluate;

import io.herald.ingest.redis.LuaScript;
import io.herald.model.RedisKeys;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Knows whether Redis lost Herald's live state. The first evaluator that finds no epoch writes one (an id with the
 * time); an evaluator that finds another epoch than the one it saw before, none where it saw one, or an empty
 * current-status hash where it held statuses, knows Redis came back without its data, and marks it (the lost marker,
 * set once with the time noticed). While the marker is younger than the grace, a webhook check with no saved state is
 * not assumed up. A fresh Redis seen by an evaluator that saw nothing before is a first start, not a loss.
 * Blocking: called from the evaluator's own thread.
 */
@Singleton
public class LostState {
    /*
     * KEYS: epoch, current-status hash, lost marker. ARGV: the epoch this evaluator saw ('' = none), '1' when it holds
     * statuses, a new epoch, the time now (ISO-8601).
     * Returns {epoch now, '1' when the loss was noticed by this look, the lost marker ('' = none)}.
     */
    private static final LuaScript LOOK = new LuaScript("""
            local epoch = redis.call('GET', KEYS[1])
            local lost = (ARGV[1] ~= '' and epoch ~= ARGV[1])
                or (ARGV[2] == '1' and redis.call('HLEN', KEYS[2]) == 0)
            if not epoch then
              redis.call('SET', KEYS[1], ARGV[3])
              epoch = ARGV[3]
            end
            if lost then redis.call('SET', KEYS[3], ARGV[4], 'NX') end
            return {epoch, lost and '1' or '0', redis.call('GET', KEYS[3]) or ''}
            """);

    private final RedisDataSource redis;
    private final RedisKeys keys;
    private final Duration grace;
    private final Clock clock = Clock.systemUTC();
    private String epoch;
    private String unreadableMarker;
    private Instant unreadableSince;

    public LostState(RedisDataSource redis, RedisKeys keys, EvaluatorConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.grace = config.lostStateGrace();
    }

    /**
     * What a look found.
     *
     * @param noticed true when this look found the loss (the evaluator must start over from what Redis holds now)
     * @param lostAt  when the loss was noticed, while that is within the grace; null otherwise
     */
    public record Look(boolean noticed, Instant lostAt) {
    }

    /** @param holdsStatuses true when this evaluator holds components' statuses it read or wrote before */
    public Look look(boolean holdsStatuses) {
        Instant now = clock.instant();
        Response reply = LOOK.run(redis, List.of(keys.stateEpoch(), keys.currentStatus(), keys.stateLost()),
                List.of(epoch == null ? "" : epoch, holdsStatuses ? "1" : "0", now + "/" + UUID.randomUUID(),
                        now.toString()));
        String seen = epoch;
        epoch = reply.get(0).toString();
        boolean noticed = "1".equals(reply.get(1).toString());
        if (noticed) {
            Log.warnf("Redis lost Herald's live state (epoch %s, now %s%s): webhook checks with no saved state stay "
                    + "stale until their monitor speaks or %s have passed", seen == null ? "none" : seen, epoch,
                    holdsStatuses ? ", statuses gone" : "", grace);
        }
        Instant lostAt = when(reply.get(2).toString(), now);
        return new Look(noticed, lostAt != null && now.isBefore(lostAt.plus(grace)) ? lostAt : null);
    }

    /** The marker's time; one that cannot be read counts from when this evaluator first saw it. */
    private Instant when(String marker, Instant now) {
        if (marker.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(marker);
        } catch (DateTimeParseException e) {
            if (!marker.equals(unreadableMarker)) {
                Log.warnf("The lost-state marker '%s' is not an ISO-8601 time; counting its grace from now", marker);
                unreadableMarker = marker;
                unreadableSince = now;
            }
            return unreadableSince;
        }
    }
}
