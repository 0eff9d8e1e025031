package io.herald.system.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** SQL on the shared PostgreSQL (127.0.0.1:5432, user postgres) through psql, as the other system tests do. */
public final class Psql {
    private Psql() {
    }

    /** The rows of a query, one line each, columns separated by '|'. */
    public static List<String> query(String database, String sql) throws IOException, InterruptedException {
        return run("psql", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", database, "-w", "-X", "-q",
                "-v", "ON_ERROR_STOP=1", "-tAc", sql).lines().filter(line -> !line.isBlank()).toList();
    }

    /** A database of the test's own, created empty (dropped first, its connections ended, if a run left it). */
    public static void recreate(String database) throws IOException, InterruptedException {
        run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "-w", "--if-exists", "--force", database);
        run("createdb", "-h", "127.0.0.1", "-U", "postgres", "-w", database);
    }

    public static void drop(String database) throws IOException, InterruptedException {
        run("dropdb", "-h", "127.0.0.1", "-U", "postgres", "-w", "--if-exists", "--force", database);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
