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
        sql("DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '" + SCHEMA
                + "' AND tablename <> 'flyway_schema_history' LOOP EXECUTE 'TRUNCATE " + SCHEMA
                + ".' || quote_ident(t) || ' RESTART IDENTITY CASCADE'; END LOOP; END $$");
    }

    public static long count(String query) {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + query, e);
        }
    }

    public static String string(String query) {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, "postgres", "");
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
