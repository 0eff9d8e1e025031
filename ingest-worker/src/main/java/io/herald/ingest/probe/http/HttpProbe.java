package io.herald.ingest.probe.http;

import io.herald.model.CheckOutcome;
import io.herald.model.Signal;
import io.herald.model.catalog.CheckDef;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/** Runs one HTTP(S) check once, without blocking, and describes the result as a signal. */
@Singleton
public class HttpProbe {
    static final String SOURCE = "probe";

    private final WebClient client;
    private final Clock clock = Clock.systemUTC();

    public HttpProbe(Vertx vertx) {
        // A fresh connection per run, so every probe measures and proves the whole path to the server.
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setKeepAlive(false)
                .setUserAgent("Herald-Probe/1.0")
                .setFollowRedirects(true));
    }

    public Uni<Signal> probe(CheckDef check) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        String id = check.id() + ":" + started.toEpochMilli();
        long timeoutMs = check.timeout().toMillis();
        return client.requestAbs(HttpMethod.valueOf(check.method()), check.url())
                .timeout(timeoutMs)
                .send()
                .ifNoItem().after(check.timeout()).failWith(() -> new TimeoutException("probe deadline"))
                .map(response -> {
                    long latency = elapsedMs(startNanos);
                    return new Signal(id, SOURCE, check.id(), judge(check, response), latency,
                            describe(check, response, latency), started);
                })
                .onFailure().recoverWithItem(failure -> new Signal(id, SOURCE, check.id(), CheckOutcome.DOWN,
                        elapsedMs(startNanos), describeFailure(check, failure), started));
    }

    private static CheckOutcome judge(CheckDef check, HttpResponse<Buffer> response) {
        if (!check.expectStatus().contains(response.statusCode())) {
            return CheckOutcome.DOWN;
        }
        if (check.bodyContains() != null && !bodyOf(response).contains(check.bodyContains())) {
            return CheckOutcome.DOWN;
        }
        return CheckOutcome.UP;
    }

    private static String describe(CheckDef check, HttpResponse<Buffer> response, long latency) {
        int status = response.statusCode();
        if (!check.expectStatus().contains(status)) {
            return "HTTP " + status + " from " + check.url() + " (expected " + expected(check) + ")";
        }
        if (check.bodyContains() != null && !bodyOf(response).contains(check.bodyContains())) {
            return "body does not contain '" + check.bodyContains() + "' (HTTP " + status + " from " + check.url() + ")";
        }
        return "HTTP " + status + " from " + check.url() + " in " + latency + " ms";
    }

    static String describeFailure(CheckDef check, Throwable failure) {
        URI uri = URI.create(check.url());
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String hostPort = uri.getHost() + ":" + port;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "timed out after " + words(check.timeout()) + " (" + check.url() + ")";
            }
            if (t instanceof ConnectException) {
                String message = t.getMessage() == null ? "" : t.getMessage();
                return message.toLowerCase().contains("refused")
                        ? "connection refused: " + hostPort
                        : "cannot connect to " + hostPort + ": " + message;
            }
            if (t instanceof UnknownHostException) {
                return "unknown host: " + uri.getHost();
            }
            if (t instanceof SSLException) {
                return "TLS failed with " + hostPort + ": " + t.getMessage();
            }
        }
        return "request to " + check.url() + " failed: " + failure.getMessage();
    }

    static String words(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    private static String expected(CheckDef check) {
        return check.expectStatus().stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }

    private static String bodyOf(HttpResponse<Buffer> response) {
        String body = response.bodyAsString();
        return body == null ? "" : body;
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
