package io.herald.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StorageFailureTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("login refused", new PgException("role may not log in", "FATAL", "28000", null), true),
                Arguments.of("connection terminated", new PgException("terminating connection", "FATAL", "57P01",
                        null), true),
                Arguments.of("too many connections", new PgException("too many", "FATAL", "53300", null), true),
                Arguments.of("connection exception", new PgException("lost", "ERROR", "08006", null), true),
                Arguments.of("cannot connect now", new PgException("starting up", "ERROR", "57P03", null), true),
                Arguments.of("connection refused", new ConnectException("Connection refused"), true),
                Arguments.of("closed under a statement", ClosedConnectionException.INSTANCE, true),
                Arguments.of("no connection in time", new VertxException("Timeout", true), true),
                Arguments.of("not active", new VertxException("Connection is not active now, current status: CLOSED"),
                        true),
                Arguments.of("wrapped by Hibernate", new CompletionException(new ConnectException("refused")), true),
                Arguments.of("statement then rollback", new CompositeException(new IllegalStateException("x"),
                        new PgException("terminating connection", "FATAL", "57P01", null)), true),
                Arguments.of("a bad statement", new PgException("syntax error", "ERROR", "42601", null), false),
                Arguments.of("a unique violation", new PgException("duplicate key", "ERROR", "23505", null), false),
                Arguments.of("a timestamp out of range", new PgException("out of range", "ERROR", "22008", null),
                        false),
                Arguments.of("a bug", new NullPointerException(), false),
                Arguments.of("another timeout", new IllegalStateException("Timeout of the webhook"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void shouldTellPostgresOutOfReachFromABug(String name, Throwable failure, boolean unavailable) {
        assertThat(StorageFailure.unavailable(failure)).isEqualTo(unavailable);
    }
}
