package io.herald.ingest.probe.http;

import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.ingest.probe.tls.TlsProbe;
import io.herald.ingest.probe.tls.TlsTarget;
import io.herald.model.CheckOutcome;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.HttpOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * {@code type: http}: runs one HTTP(S) check once, without blocking: method, headers, redirects, expected statuses, a body keyword
 * or a JSON path, and for https the certificate's expiry (degraded the configured number of days before).
 */
@Singleton
public class HttpProbe implements CheckProbe {
    private final Vertx vertx;
    private final TlsProbe tls;
    private final Map<String, WebClient> clients = new ConcurrentHashMap<>();

    public HttpProbe(Vertx vertx, TlsProbe tls) {
        this.vertx = vertx;
        this.tls = tls;
    }

    /** One client per trust and redirect limit, so checks with the same settings share its resources. */
    private WebClient client(HttpOptions spec) {
        return clients.computeIfAbsent(spec.trust() + "|" + spec.maxRedirects(), key -> {
            // A fresh connection per run, so every probe measures and proves the whole path to the server.
            WebClientOptions options = new WebClientOptions()
                    .setKeepAlive(false)
                    .setUserAgent("Herald-Probe/1.0")
                    .setMaxRedirects(spec.maxRedirects())
                    .setVerifyHost(!spec.trust().any());
            TlsTrust.of(spec.trust()).applyTo(options);
            return WebClient.create(vertx, options);
        });
    }

    @Override
    public String type() {
        return "http";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        HttpOptions spec = check.options(HttpOptions.class);
        long startNanos = System.nanoTime();
        HttpRequest<Buffer> request = client(spec).requestAbs(HttpMethod.valueOf(spec.method()), spec.url())
                .timeout(check.timeout().toMillis())
                .followRedirects(spec.followRedirects());
        spec.headers().forEach(request::putHeader);
        Uni<ProbeResult> http = request.send()
                .ifNoItem().after(check.timeout()).failWith(() -> new TimeoutException("probe deadline"))
                .map(response -> {
                    long latency = elapsedMs(startNanos);
                    String failure = failure(spec, response);
                    return failure == null ? ProbeResult.up(latency, "HTTP " + response.statusCode() + " from "
                            + spec.url() + " in " + latency + " ms") : ProbeResult.down(latency, failure);
                })
                .onFailure().recoverWithItem(failure -> ProbeResult.down(elapsedMs(startNanos),
                        describeFailure(check, spec.url(), failure)));
        URI uri = URI.create(spec.url());
        if (spec.certExpiryDays() == 0 || !"https".equalsIgnoreCase(uri.getScheme())) {
            return http;
        }
        return http.chain(result -> result.outcome() != CheckOutcome.UP ? Uni.createFrom().item(result)
                : certificate(check, spec, uri).map(tls -> tls.outcome() == CheckOutcome.UP ? result
                        : ProbeResult.degraded(result.latencyMs(), tls.detail() + "; " + result.detail())));
    }

    /** The certificate check of an https check: a TLS handshake whose expiry is degraded days ahead. */
    private Uni<ProbeResult> certificate(CheckDef check, HttpOptions spec, URI uri) {
        return tls.probe(new TlsTarget(uri.getHost(), uri.getPort() == -1 ? 443 : uri.getPort(), check.timeout(),
                uri.getHost(), TlsTrust.of(spec.trust()), spec.certExpiryDays()));
    }

    /** Why the answer is a failure, in words, or null when it is what the check expects. */
    static String failure(HttpOptions spec, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (!spec.expectStatus().contains(status)) {
            String location = response.getHeader("Location");
            return "HTTP " + status + " from " + spec.url() + " (expected " + expected(spec) + ")"
                    + (status / 100 == 3 && location != null ? ", redirected to " + location : "");
        }
        if (spec.bodyContains() != null && !bodyOf(response).contains(spec.bodyContains())) {
            return "body does not contain '" + spec.bodyContains() + "' (HTTP " + status + " from " + spec.url() + ")";
        }
        if (spec.jsonPath() != null) {
            return JsonPathMatch.mismatch(bodyOf(response), spec.jsonPath(), spec.jsonExpect())
                    .map(why -> why + " (HTTP " + status + " from " + spec.url() + ")").orElse(null);
        }
        return null;
    }

    static String describeFailure(CheckDef check, String url, Throwable failure) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String hostPort = uri.getHost() + ":" + port;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.smallrye.mutiny.TimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "timed out after " + words(check.timeout()) + " (" + url + ")";
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
        return "request to " + url + " failed: " + failure.getMessage();
    }

    static String words(Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }

    private static String expected(HttpOptions spec) {
        return spec.expectStatus().stream().map(String::valueOf).collect(Collectors.joining(" or "));
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
        clients.values().forEach(WebClient::close);
    }
}
