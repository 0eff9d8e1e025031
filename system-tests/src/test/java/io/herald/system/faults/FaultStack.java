package io.herald.system.faults;

import io.herald.model.RedisKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The packaged services of one fault test: status-api, one or two ingest-workers and status-web, each a process on
 * its own loopback port, all on the Redis the test names (its own redis-server, or the shared one) under a prefix of
 * their own, and status-api on a database of the test's own. Each can be killed and started again on its port.
 */
final class FaultStack implements AutoCloseable {
    static final String SOURCE = "faults";
    static final String TOKEN = "faults-" + UUID.randomUUID();

    final Path root = Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize();
    final Path target = root.resolve("system-tests/target");
    final String prefix;
    final RedisKeys keys;
    final String database;
    final ServiceProcess api;
    final List<ServiceProcess> ingest = new ArrayList<>();
    final ServiceProcess web;
    private final boolean withApi;
    private final boolean withWeb;

    /**
     * @param name       names the prefix, the database and the log folder (target/faults-logs/name)
     * @param redisPort  the Redis every service uses
     * @param ingesters  how many ingest-workers (each its own stable evaluator consumer name)
     * @param withApi    whether status-api runs (and its database is made)
     * @param withWeb    whether status-web runs (it needs status-api)
     */
    FaultStack(String name, int redisPort, int ingesters, boolean withApi, boolean withWeb) {
        this.withApi = withApi;
        this.withWeb = withApi && withWeb;
        this.prefix = "herald-" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        this.keys = new RedisKeys(prefix);
        this.database = "herald_" + name.replace('-', '_');
        Path logs = target.resolve("faults-logs").resolve(name);
        List<String> common = List.of(
                "-Dherald.catalog.path=" + root.resolve("system-tests/src/test/resources/faults-catalog.yaml"),
                "-Dherald.redis.prefix=" + prefix,
                "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redisPort);
        List<String> apiOptions = new ArrayList<>(common);
        apiOptions.addAll(List.of(
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "-Dherald.api.consumer=" + name + "-api"));
        this.api = new ServiceProcess(root, "status-api", "status-api", ServiceProcess.freePort(), logs, apiOptions);
        for (int i = 0; i < ingesters; i++) {
            String worker = "ingest-" + (char) ('a' + i);
            List<String> options = new ArrayList<>(common);
            options.addAll(List.of(
                    "-Dherald.ingest.sources." + SOURCE + ".token-sha256=" + sha256(TOKEN),
                    // A stable name, as the README advises: a restarted worker replays its own pending entries.
                    "-Dherald.evaluator.consumer=" + name + "-" + worker,
                    "-Dherald.evaluator.claim-idle=5s",
                    // The flip check changes hundreds of times a minute on purpose; no flapping hold.
                    "-Dherald.evaluator.flapping.max-changes=1000000"));
            ingest.add(new ServiceProcess(root, "ingest-worker", worker, ServiceProcess.freePort(), logs, options));
        }
        List<String> webOptions = new ArrayList<>(common);
        webOptions.add("-Dherald.web.api-url=" + api.url());
        this.web = new ServiceProcess(root, "status-web", "status-web", ServiceProcess.freePort(), logs, webOptions);
    }

    /** Creates the database and starts the services, status-api first; returns when all are ready. */
    FaultStack start() throws Exception {
        if (withApi) {
            Psql.recreate(database);
            api.start();
            api.awaitReady(Duration.ofSeconds(120));
        }
        for (ServiceProcess worker : ingest) {
            worker.start();
        }
        if (withWeb) {
            web.start();
        }
        for (ServiceProcess worker : ingest) {
            worker.awaitReady(Duration.ofSeconds(120));
        }
        if (withWeb) {
            web.awaitReady(Duration.ofSeconds(120));
        }
        return this;
    }

    List<String> ingestUrls() {
        return ingest.stream().map(ServiceProcess::url).toList();
    }

    @Override
    public void close() throws Exception {
        List<ServiceProcess> all = new ArrayList<>(ingest);
        all.add(web);
        all.add(api);
        for (ServiceProcess service : all) {
            service.close();
        }
        if (withApi) {
            Psql.drop(database);
        }
    }

    /** Removes this stack's keys (for a stack on the shared Redis, which outlives the test). */
    void deleteKeys(Resp redis) throws IOException {
        String cursor = "0";
        do {
            List<?> page = (List<?>) redis.call("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000");
            cursor = String.valueOf(page.get(0));
            for (Object key : (List<?>) page.get(1)) {
                redis.call("DEL", String.valueOf(key));
            }
        } while (!"0".equals(cursor));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
