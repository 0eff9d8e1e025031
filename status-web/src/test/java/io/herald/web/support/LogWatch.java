package io.herald.web.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the application logs at ERROR (an uncaught exception, a request answered 500) while a test runs:
 * the application runs in the test's JVM, so a handler on the root logger sees its records.
 */
public final class LogWatch extends Handler implements AutoCloseable {
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private LogWatch() {
    }

    public static LogWatch start() {
        LogWatch watch = new LogWatch();
        Logger.getLogger("").addHandler(watch);
        return watch;
    }

    /** Every ERROR record so far: logger, message and the exception's class and message. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            Throwable thrown = record.getThrown();
            String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                    : record.getMessage();
            errors.add(record.getLoggerName() + ": " + message
                    + (thrown == null ? "" : " <" + thrown.getClass().getName() + ": " + thrown.getMessage() + ">"));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
