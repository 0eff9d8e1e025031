package io.herald.ingest.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small redis-cli helpers for test set-up, used before Quarkus (and its Redis client) exists. */
public final class TestRedis {
    private TestRedis() {
    }

    /** Deletes every key with the prefix from the shared Redis on 6379. */
    public static void deleteKeys(String prefix) {
        String script = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) n = n + 1 end return n";
        run(List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379", "EVAL", script, "0", prefix + "*"));
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
