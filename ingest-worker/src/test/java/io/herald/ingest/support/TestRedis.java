package io.herald.ingest.support;

import io.herald.model.RedisKeys;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small redis-cli helpers for test set-up, used before Quarkus (and its Redis client) exists. */
public final class TestRedis {
    /** When the loss that {@link #deleteKeys} stands for was noticed. */
    public static final String LONG_AGO = "2000-01-01T00:00:00Z";

    private TestRedis() {
    }

    /**
     * Deletes every key with the prefix from the shared Redis on 6379. To an evaluator already running this is Redis
     * losing its data, so the same step leaves the marker of a loss noticed long ago (older than any grace): webhook
     * checks are then assumed up again, as on a first start, instead of waiting for their monitors to speak.
     */
    public static void deleteKeys(String prefix) {
        String script = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) "
                + "n = n + 1 end redis.call('SET', ARGV[2], ARGV[3]) return n";
        run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "EVAL", script, "0", prefix + "*",
                new RedisKeys(prefix).stateLost(), LONG_AGO));
    }

    public static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
