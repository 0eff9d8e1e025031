package io.herald.system.scenario;

import io.herald.system.faults.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian's nginx as the organisation's web front ends: Outlook on the web ({@code /owa/}), five ActiveSync mailbox
 * endpoints ({@code /mbx1} to {@code /mbx5}, each answering OPTIONS /Microsoft-Server-ActiveSync with 401 and
 * MS-ASProtocolVersions as a healthy Exchange does), the intranet and the public site. Each probe location reaches
 * them on a port of its own, so one location's network can fail alone. What each answers is switched by flag
 * files nginx looks for on every request (no reload): {@code <name>.down} answers 503, {@code owa.slow} sends the
 * Outlook page at 8 KiB/s, {@code blip-<location>} answers 503 to that location for everything.
 */
final class FrontEnds implements AutoCloseable {
    static final int MAILBOXES = 5;
    private final Path dir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private Process nginx;

    FrontEnds(Path dir, List<String> locations) {
        this.dir = dir;
        for (String location : locations) {
            ports.put(location, ServiceProcess.freePort());
        }
    }

    /** The base URL a location's probes use. */
    String url(String location) {
        return "http://127.0.0.1:" + ports.get(location);
    }

    FrontEnds start() throws IOException {
        Files.createDirectories(dir.resolve("temp"));
        Files.createDirectories(dir.resolve("flags"));
        // 12 KiB, so at 8 KiB/s the page takes about 1.5 s: slow, but within the probe's timeout.
        Files.createDirectories(dir.resolve("www/owa"));
        Files.writeString(dir.resolve("www/owa/index.html"), "<!doctype html><title>Outlook</title><main>"
                + "x".repeat(12 * 1024) + "</main><footer>Outlook on the web</footer>\n");
        StringBuilder servers = new StringBuilder();
        for (Map.Entry<String, Integer> location : ports.entrySet()) {
            String blip = flag("blip-" + location.getKey());
            servers.append("""
                    server {
                        listen 127.0.0.1:%d;
                        root %s/www;
                        index index.html;
                        location /owa/ {
                            if (-f %s) { return 503; }
                            if (-f %s) { return 503; }
                            if (-f %s) { limit_rate 8k; }
                        }
                        location = /intranet/ {
                            if (-f %s) { return 503; }
                            return 200 "Intranet\\n";
                        }
                        location = /public/ {
                            if (-f %s) { return 503; }
                            return 200 "Public site\\n";
                        }
                    """.formatted(location.getValue(), dir, blip, flag("owa.down"), flag("owa.slow"), blip, blip));
            for (int mailbox = 1; mailbox <= MAILBOXES; mailbox++) {
                servers.append("""
                            location = /mbx%d/Microsoft-Server-ActiveSync {
                                if (-f %s) { return 503; }
                                if (-f %s) { return 503; }
                                add_header MS-ASProtocolVersions "14.0,14.1,16.0,16.1" always;
                                add_header WWW-Authenticate 'Basic realm="mail"' always;
                                return 401;
                            }
                        """.formatted(mailbox, blip, flag("mbx" + mailbox + ".down")));
            }
            servers.append("}\n");
        }
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    default_type text/html;
                %2$s
                }
                """.formatted(dir, servers));
        nginx = new ProcessBuilder("nginx", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(), "-c",
                conf.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile())
                .start();
        LocalProcess.awaitPorts("nginx", new ArrayList<>(ports.values()));
        return this;
    }

    /** Sets or clears a flag: {@code mbx1.down}, {@code owa.slow}, {@code blip-c}. */
    void set(String name, boolean on) throws IOException {
        Path file = Path.of(flag(name));
        if (on) {
            Files.writeString(file, "on\n");
        } else {
            Files.deleteIfExists(file);
        }
    }

    private String flag(String name) {
        return dir.resolve("flags").resolve(name).toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
    }
}
