package io.herald.ingest.probe.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Debian's dnsmasq as an authoritative-looking resolver for herald.test, with no upstream. */
public final class DnsmasqServer extends ManagedServer {

    private final List<String> records;

    /** @param records dnsmasq options such as "address=/mail.herald.test/127.0.0.1" (one per line in its conf) */
    public DnsmasqServer(List<String> records) {
        super("dnsmasq", "dns");
        this.records = records;
    }

    @Override
    protected List<String> prepare(Path dir) throws IOException {
        Path conf = dir.resolve("dnsmasq.conf");
        Files.writeString(conf, String.join("\n", records) + "\n");
        return list("dnsmasq", "--no-daemon", "--port=" + port("dns"), "--listen-address=127.0.0.1",
                "--bind-interfaces", "--no-resolv", "--no-hosts", "--no-poll", "--user=root",
                "--pid-file=" + dir.resolve("dnsmasq.pid"), "--log-facility=" + dir.resolve("dnsmasq.log"),
                "--conf-file=" + conf);
    }
}
