package io.herald.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct access to the real test stores, for setting up and inspecting what the application did. */
public final class TestStores {
    public static final String PREFIX = "herald-test-api:";
    public static final String SCHEMA = "herald_api_test";
    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestStores() {
    }

    public static void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + statement, e);
        }
    }

    /** Empties every table the application writes (not Flyway's history). */
    public static void truncateAll() {
        // One TRUNCATE of all tables; the application keeps writing in the background (history, incidents), so a
        // deadlock with one of its transactions is possible: PostgreSQL aborts one side, and this side tries again.
        String statement = "DO $$ BEGIN EXECUTE (SELECT 'TRUNCATE ' || string_agg('" + SCHEMA
                + ".' || quote_ident(tablename), ', ') || ' RESTART IDENTITY CASCADE' FROM pg_tables WHERE schemaname = '"
                + SCHEMA + "' AND tablename <> 'flyway_schema_history'); END $$";
        for (int attempt = 1; ; attempt++) {
            try {
                sql(statement);
                return;
            } catch (IllegalStateException e) {
                boolean deadlock = e.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState());
                if (!deadlock || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public static long count(String query) {
        return count(JDBC_URL, query);
    }

    /** A count from another database of the shared PostgreSQL, as the superuser. */
    public static long count(String jdbcUrl, String query) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + query, e);
        }
    }

    public static String string(String query) {
        return string(JDBC_URL, query);
    }

    /** A value from another database of the shared PostgreSQL, as the superuser. */
    public static String string(String jdbcUrl, String query) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + query, e);
        }
    }

    /**
     * Deletes every key of the test prefix with a Lua script over a bare RESP connection; used before the
     * application (and its Redis client) exists.
     */
    public static void deleteRedisKeys() {
        String script = "local n = 0 for _, k in ipairs(redis.call('KEYS', ARGV[1])) do "
                + "redis.call('DEL', k) n = n + 1 end return n";
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            OutputStream out = socket.getOutputStream();
            String[] args = {"EVAL", script, "0", PREFIX + "*"};
            StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                command.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(arg).append("\r\n");
            }
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first != ':') {
                throw new IllegalStateException("Redis refused to delete the test keys (reply type " + (char) first + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Redis at 127.0.0.1:6379 is not reachable", e);
        }
    }
}
