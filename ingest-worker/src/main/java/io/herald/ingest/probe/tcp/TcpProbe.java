package io.herald.ingest.probe.tcp;

import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.Conversation;
import io.herald.ingest.probe.ProbeResult;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.TcpOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.net.NetClient;
import jakarta.inject.Singleton;

/** {@code type: tcp}: opens a TCP connection and closes it again. */
@Singleton
public final class TcpProbe implements CheckProbe {

    private final Vertx vertx;

    public TcpProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public String type() {
        return "tcp";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        TcpOptions options = check.options(TcpOptions.class);
        return probe(new TcpTarget(options.host(), options.port(), check.timeout()));
    }

    public Uni<ProbeResult> probe(TcpTarget target) {
        return Uni.createFrom().deferred(() -> {
            Conversation conversation = new Conversation(target.host(), target.port(), target.timeout());
            NetClient client = vertx.createNetClient(
                    new NetClientOptions().setConnectTimeout((int) target.timeout().toMillis()));
            return client.connect(target.port(), target.host())
                    .ifNoItem().after(target.timeout().plusMillis(500)).fail()
                    .call(socket -> socket.close())
                    .map(socket -> conversation.up("connected to " + conversation.endpoint()))
                    .onFailure().recoverWithItem(conversation::failed)
                    .onTermination().call(client::close);
        });
    }
}
