package io.herald.ingest.probe.tcp;

import io.herald.ingest.probe.Conversation;
import io.herald.ingest.probe.ProbeResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.NetClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.net.NetClient;

/** Opens a TCP connection and closes it again. */
public final class TcpProbe {

    private final Vertx vertx;

    public TcpProbe(Vertx vertx) {
        this.vertx = vertx;
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
