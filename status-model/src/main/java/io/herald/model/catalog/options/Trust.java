package io.herald.model.catalog.options;

/** Which certificates a TLS connection accepts: the system's, any (self-signed lab servers), or a trust store. */
public record Trust(boolean any, String trustStore, String trustStorePassword) {
    public static final Trust SYSTEM = new Trust(false, null, null);
}
