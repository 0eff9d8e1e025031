package io.herald.ingest.probe.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Debian's nginx on its own config. The test supplies the server blocks of the http section; it gets this server
 * (for ports) and the work dir (to write certificates and pages).
 */
public final class NginxServer extends ManagedServer {

    private final BiFunction<NginxServer, Path, String> serverBlocks;

    public NginxServer(BiFunction<NginxServer, Path, String> serverBlocks, String... portNames) {
        super("nginx", portNames);
        this.serverBlocks = serverBlocks;
    }

    @Override
    protected List<String> prepare(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("temp"));
        String conf = """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                %2$s
                }
                """.formatted(dir, serverBlocks.apply(this, dir));
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        return list("nginx", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(), "-c", file.toString());
    }
}
