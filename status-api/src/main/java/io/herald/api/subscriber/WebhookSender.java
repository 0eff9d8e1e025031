package io.herald.api.subscriber;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one webhook delivery: a POST signed with the Standard Webhooks headers. Every request has a deadline, so a
 * slow receiver holds at most its own connections. Answers with the HTTP status, or fails on a network error.
 */
@ApplicationScoped
public class WebhookSender {
    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, SubscriberConfig config) {
        this.timeout = config.delivery().timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(config.delivery().perReceiver()));
    }

    /** Sends to address, the one {@link DeliveryTargetGuard} checked, for plain http. */
    public Uni<Integer> send(DeliveryJob job, InetAddress address, Instant now) {
        String body = WebhookBody.of(job.type(), job.occurredAt(), job.payloadJson());
        long timestamp = now.getEpochSecond();
        RequestOptions options = new RequestOptions().setAbsoluteURI(job.target());
        if (!Boolean.TRUE.equals(options.isSsl())) {
            // connect to the checked address, not to whatever a second lookup answers; the Host header keeps the name
            URI uri = URI.create(job.target());
            String hostHeader = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            options.setHost(address.getHostAddress()).putHeader("host", hostHeader);
        }
        // https keeps the host name: the certificate is checked against it (and SNI names it), which an IP would break
        options.setMethod(HttpMethod.POST)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Herald-Webhooks/1")
                .putHeader("webhook-id", job.id())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(job.secret(), job.id(), timestamp, body));
        return Uni.createFrom().completionStage(() -> client.request(options)
                        .compose(request -> request.send(Buffer.buffer(body)))
                        .compose(response -> response.body().map(ignored -> response.statusCode()))
                        .toCompletionStage())
                // a receiver that keeps trickling bytes must not hold the slot past the deadline either
                .ifNoItem().after(timeout.plusSeconds(1)).fail();
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
