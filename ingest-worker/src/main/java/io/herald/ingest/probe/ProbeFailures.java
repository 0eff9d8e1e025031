package io.herald.ingest.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Turns the exceptions of network clients into the sentence a person reads on the status page. */
public final class ProbeFailures {

    private ProbeFailures() {
    }

    /**
     * @param waitingFor what the probe was waiting for when it failed, e.g. "the greeting", "the EHLO reply"
     */
    public static String describe(Throwable failure, String host, int port, Duration timeout, String waitingFor) {
        Throwable cause = unwrap(failure);
        String endpoint = host + ":" + port;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (isConnectTimeout(cause)) {
            return "timed out after " + format(timeout) + " connecting to " + endpoint;
        }
        if (cause instanceof ConnectException) {
            return message.toLowerCase().contains("refused")
                    ? "connection refused: " + endpoint
                    : "cannot connect to " + endpoint + ": " + message;
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host: " + host;
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host: " + endpoint;
        }
        if (isTimeout(cause)) {
            return "timed out after " + format(timeout) + " waiting for " + waitingFor;
        }
        if (cause instanceof SSLHandshakeException) {
            return "TLS handshake with " + endpoint + " failed: " + rootMessage(cause);
        }
        if (cause instanceof SSLException) {
            return "TLS failed with " + endpoint + ": " + rootMessage(cause);
        }
        if (message.toLowerCase().contains("connection closed")
                || cause instanceof java.io.EOFException
                || cause.getClass().getSimpleName().equals("ClosedChannelException")) {
            return "connection closed by " + endpoint + " while waiting for " + waitingFor;
        }
        return "failed while waiting for " + waitingFor + " from " + endpoint + ": " + message;
    }

    /** "5s", "1500ms": how a person writes a timeout. */
    public static String format(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    private static boolean isConnectTimeout(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        String message = String.valueOf(cause.getMessage()).toLowerCase();
        return name.equals("ConnectTimeoutException")
                || (cause instanceof SocketTimeoutException && message.contains("connect timed out"));
    }

    /** Anywhere in the chain: Netty wraps its handshake timeout in another SSLHandshakeException. */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase();
            if (cause instanceof SocketTimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")
                    || message.contains("timed out")
                    || message.contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
