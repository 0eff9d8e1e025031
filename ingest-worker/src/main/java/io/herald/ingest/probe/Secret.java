package io.herald.ingest.probe;

/** Masks a password wherever a target is printed or logged. */
public final class Secret {

    private Secret() {
    }

    public static String mask(String secret) {
        return secret == null ? "null" : "****";
    }
}
