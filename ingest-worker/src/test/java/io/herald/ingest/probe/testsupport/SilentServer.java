package io.herald.ingest.probe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port that accepts TCP connections (and UDP datagrams) but never says a word: the case of a hung server, which
 * no packaged server can be told to produce.
 */
public final class SilentServer implements AutoCloseable {

    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public SilentServer() {
        try {
            tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptForever, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int tcpPort() {
        return tcp.getLocalPort();
    }

    public int udpPort() {
        return udp.getLocalPort();
    }

    private void acceptForever() {
        while (!tcp.isClosed()) {
            try {
                accepted.add(tcp.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        tcp.close();
        udp.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
