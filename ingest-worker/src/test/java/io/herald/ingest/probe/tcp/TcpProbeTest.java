package io.herald.ingest.probe.tcp;

import static io.herald.ingest.probe.ProbeTestSupport.NORMAL;
import static io.herald.ingest.probe.ProbeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.ingest.probe.ProbeResult;
import io.herald.ingest.probe.testsupport.ManagedServer;
import io.herald.ingest.probe.testsupport.NginxServer;
import io.herald.model.CheckOutcome;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TcpProbeTest {

    @RegisterExtension
    static final NginxServer NGINX = new NginxServer((nginx, dir) -> """
            server {
                listen 127.0.0.1:%d;
                location / { return 204; }
            }
            """.formatted(nginx.port("http")), "http");

    private static final Vertx VERTX = Vertx.vertx();
    private final TcpProbe probe = new TcpProbe(VERTX);

    @AfterAll
    static void closeVertx() {
        VERTX.closeAndAwait();
    }

    @Test
    void shouldBeUpWhenTheServerAcceptsTheConnection() {
        ProbeResult result = await(probe.probe(new TcpTarget("127.0.0.1", NGINX.port("http"), NORMAL)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.UP);
        assertThat(result.detail()).isEqualTo("connected to 127.0.0.1:" + NGINX.port("http"));
    }

    @Test
    void shouldBeDownWithRefusedWhenNothingListens() {
        int closedPort = ManagedServer.freePort();

        ProbeResult result = await(probe.probe(new TcpTarget("localhost", closedPort, NORMAL)));

        assertThat(result.outcome()).isEqualTo(CheckOutcome.DOWN);
        assertThat(result.detail()).isEqualTo("connection refused: localhost:" + closedPort);
    }
}
