package io.herald.ingest.probe.tls;

import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.Conversation;
import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.TlsTrust;
import io.herald.model.CheckOutcome;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.TlsOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.net.NetClient;
import io.vertx.mutiny.core.net.NetSocket;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;

/** {@code type: tls}: completes a TLS handshake (with SNI) and judges the server certificate's expiry. */
@Singleton
public final class TlsProbe implements CheckProbe {

    private final Vertx vertx;
    private final Clock clock;

    @Inject
    public TlsProbe(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    public TlsProbe(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "tls";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        TlsOptions options = check.options(TlsOptions.class);
        return probe(new TlsTarget(options.host(), options.port(), check.timeout(), options.serverName(),
                TlsTrust.of(options.trust()), options.certExpiryDays()));
    }

    public Uni<ProbeResult> probe(TlsTarget target) {
        return Uni.createFrom().deferred(() -> {
            Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
            NetClientOptions options = new NetClientOptions()
                    .setSsl(true)
                    .setConnectTimeout((int) target.timeout().toMillis())
                    .setSslHandshakeTimeout(target.timeout().toMillis())
                    .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
            // Vert.x insists on a choice; "" means none, which only trust-all targets use.
            options.setHostnameVerificationAlgorithm(target.trust().verifiesPeer() ? "HTTPS" : "");
            target.trust().applyTo(options);
            NetClient client = vertx.createNetClient(options);
            conversation.waitingFor("the TLS handshake");
            return client.connect(target.port(), target.host(), target.serverName())
                    .ifNoItem().after(target.timeout().plusMillis(500)).fail()
                    .map(socket -> judge(socket, target, conversation))
                    .onFailure().recoverWithItem(conversation::failed)
                    .onTermination().call(client::close);
        });
    }

    private ProbeResult judge(NetSocket socket, TlsTarget target, Conversation conversation) {
        try {
            Certificate[] chain = socket.sslSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return conversation.down("TLS handshake with " + conversation.endpoint() + " gave no X.509 certificate");
            }
            CertificateExpiry.Verdict verdict =
                    CertificateExpiry.judge(leaf.getNotAfter().toInstant(), clock.instant(), target.expiryWarningDays());
            String subject = leaf.getSubjectX500Principal().getName();
            String detail = verdict.outcome() == CheckOutcome.UP
                    ? "TLS handshake with " + target.serverName() + " OK (" + subject + "), " + verdict.detail()
                    : verdict.detail() + " for " + target.serverName() + " (" + subject + ")";
            return switch (verdict.outcome()) {
                case UP -> conversation.up(detail);
                case DEGRADED -> conversation.degraded(detail);
                case DOWN -> conversation.down(detail);
            };
        } catch (SSLPeerUnverifiedException e) {
            return conversation.down("TLS handshake with " + conversation.endpoint() + " gave no peer certificate");
        } finally {
            socket.closeAndForget();
        }
    }
}
