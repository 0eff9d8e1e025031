package io.herald.ingest.probe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test certificates made with the openssl command line, as an operator would make them. */
public final class Certificates {

    public static final String TRUST_STORE_PASSWORD = "changeit";

    private Certificates() {
    }

    /** A certificate/key pair, paths to PEM files. */
    public record Pair(Path cert, Path key) {
    }

    /** Self-signed, valid from now for the given days, with SANs for localhost, 127.0.0.1 and the cn. */
    public static Pair selfSigned(Path dir, String fileName, String cn, int days) {
        Pair pair = pair(dir, fileName);
        ManagedServer.run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", pair.key().toString(), "-out", pair.cert().toString(), "-days", String.valueOf(days),
                "-subj", "/CN=" + cn, "-addext", "subjectAltName=DNS:" + cn + ",DNS:localhost,IP:127.0.0.1");
        return pair;
    }

    /** Self-signed and already expired: valid 2024-01-01 to 2024-02-01 (openssl ca can back-date, req cannot). */
    public static Pair expired(Path dir, String fileName, String cn) {
        Pair pair = pair(dir, fileName);
        Path ca = dir.resolve(fileName + "-ca");
        try {
            Files.createDirectories(ca);
            Files.writeString(ca.resolve("index.txt"), "");
            Files.writeString(ca.resolve("serial"), "01\n");
            Files.writeString(ca.resolve("ca.cnf"), """
                    [ ca ]
                    default_ca = d
                    [ d ]
                    dir = .
                    database = ./index.txt
                    serial = ./serial
                    new_certs_dir = .
                    default_md = sha256
                    policy = p
                    copy_extensions = copy
                    [ p ]
                    commonName = supplied
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path csr = ca.resolve("request.csr");
        ManagedServer.run(ca, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", pair.key().toString(),
                "-out", csr.toString(), "-subj", "/CN=" + cn);
        ManagedServer.run(ca, "openssl", "ca", "-batch", "-config", "ca.cnf", "-selfsign", "-keyfile",
                pair.key().toString(), "-in", csr.toString(), "-out", pair.cert().toString(),
                "-startdate", "20240101000000Z", "-enddate", "20240201000000Z", "-notext");
        return pair;
    }

    /** A PKCS12 trust store holding the certificate, made with keytool. */
    public static Path trustStore(Path dir, Path cert) {
        Path store = dir.resolve("truststore.p12");
        ManagedServer.run(dir, "keytool", "-importcert", "-noprompt", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", TRUST_STORE_PASSWORD, "-alias", "herald-test", "-file", cert.toString());
        return store;
    }

    private static Pair pair(Path dir, String fileName) {
        return new Pair(dir.resolve(fileName + ".crt"), dir.resolve(fileName + ".key"));
    }
}
