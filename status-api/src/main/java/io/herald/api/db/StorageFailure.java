package io.herald.api.db;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells a failure that means "PostgreSQL cannot be reached now" (answered 503 storage-unavailable, retried by the
 * background loops) from a bug (answered 500 and logged with its stack). Looks through causes and the failures a
 * Mutiny composite holds (a failed statement followed by a failed rollback).
 */
public final class StorageFailure {
    private StorageFailure() {
    }

    public static boolean unavailable(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        if (failure != null) {
            todo.add(failure);
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (unavailableItself(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof CompositeException composite) {
                todo.addAll(composite.getCauses());
            }
        }
        return false;
    }

    private static boolean unavailableItself(Throwable t) {
        if (t instanceof PgException pg) {
            // FATAL and PANIC end the session (login refused, connection terminated, too many connections, database
            // shut down); class 08 is a connection exception, 57P an operator or crash shutdown.
            String severity = String.valueOf(pg.getSeverity());
            String state = String.valueOf(pg.getSqlState());
            return severity.equals("FATAL") || severity.equals("PANIC") || state.startsWith("08")
                    || state.startsWith("57P");
        }
        if (t instanceof ClosedConnectionException || t instanceof ConnectException
                || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                || t instanceof io.netty.channel.ConnectTimeoutException) {
            return true;
        }
        String message = String.valueOf(t.getMessage());
        // The pool's own words: no connection within the acquire timeout, a connection closed under a statement, or
        // the pool closing at shutdown.
        return message.equals("Timeout") || message.startsWith("Timeout waiting for connection")
                || message.startsWith("Connection is not active now") || message.equals("Pool closed");
    }
}
