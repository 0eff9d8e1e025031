package io.herald.ingest.probe;

import io.herald.model.catalog.options.Trust;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.ClientOptionsBase;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificates a probe accepts: the JVM's default CAs, a trust store file (PKCS12 or JKS), or any
 * certificate at all (for self-signed servers; expiry is still checked where the probe checks it).
 */
public record TlsTrust(boolean trustAll, Path trustStorePath, String trustStorePassword) {

    public static TlsTrust systemDefault() {
        return new TlsTrust(false, null, null);
    }

    public static TlsTrust trustAllCertificates() {
        return new TlsTrust(true, null, null);
    }

    public static TlsTrust trustStore(Path path, String password) {
        return new TlsTrust(false, path, password);
    }

    /** The catalog's {@code trust} option as a probe's trust. */
    public static TlsTrust of(Trust trust) {
        if (trust.any()) {
            return trustAllCertificates();
        }
        return trust.trustStore() == null ? systemDefault() : trustStore(Path.of(trust.trustStore()),
                trust.trustStorePassword());
    }

    public boolean verifiesPeer() {
        return !trustAll;
    }

    /** Configures Vert.x client options (NetClient, WebClient) with this trust. */
    public void applyTo(ClientOptionsBase options) {
        if (trustAll) {
            options.setTrustAll(true);
        } else if (trustStorePath != null) {
            String file = trustStorePath.toString();
            if (file.endsWith(".jks")) {
                options.setTrustOptions(new JksOptions().setPath(file).setPassword(trustStorePassword));
            } else {
                options.setTrustOptions(new PfxOptions().setPath(file).setPassword(trustStorePassword));
            }
        }
    }

    /** An SSLContext for the blocking commons-net clients. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load trust store " + trustStorePath + ": " + e.getMessage(), e);
        }
    }

    private TrustManager[] trustManagers() throws GeneralSecurityException, IOException {
        if (trustAll) {
            return new TrustManager[] {new AcceptAnyCertificate()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (trustStorePath == null) {
            factory.init((KeyStore) null);
        } else {
            char[] password = trustStorePassword == null ? null : trustStorePassword.toCharArray();
            factory.init(KeyStore.getInstance(trustStorePath.toFile(), password));
        }
        return factory.getTrustManagers();
    }

    private static final class AcceptAnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
