package io.herald.ingest.webhook.auth;

/**
 * Whether a delivery is genuine, and if not, why: the reason is meant for logs, so it names headers and rules but
 * never holds a secret, a token or a presented signature.
 */
public record AuthResult(boolean ok, String reason) {

    private static final AuthResult SUCCESS = new AuthResult(true, "ok");

    public static AuthResult success() {
        return SUCCESS;
    }

    public static AuthResult failure(String reason) {
        return new AuthResult(false, reason);
    }
}
