package io.herald.web.admin;

import java.time.Duration;
import java.time.Instant;

/**
 * One single sign-on in progress, kept only in the browser's short-lived HttpOnly cookie: the state the callback must
 * echo, the nonce the ID token must carry, the PKCE verifier of the challenge sent to the provider, and when it began.
 * A forged callback fails: it cannot know this browser's state, and a code obtained elsewhere is bound to another
 * verifier and nonce.
 */
record OidcFlow(String state, String nonce, String verifier, long startedAt) {

    static OidcFlow start(Instant now) {
        return new OidcFlow(AdminSessions.random(), AdminSessions.random(), AdminSessions.random(),
                now.getEpochSecond());
    }

    String cookieValue() {
        return state + "." + nonce + "." + verifier + "." + startedAt;
    }

    /** The flow in this cookie, or null when it is missing or not one of ours. */
    static OidcFlow parse(String cookie) {
        if (cookie == null) {
            return null;
        }
        String[] parts = cookie.split("\\.");
        if (parts.length != 4 || !parts[3].matches("[0-9]{1,12}")) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            if (!parts[i].matches("[A-Za-z0-9_-]{43}")) {
                return null;
            }
        }
        return new OidcFlow(parts[0], parts[1], parts[2], Long.parseLong(parts[3]));
    }

    boolean expired(Instant now, Duration timeout) {
        return now.getEpochSecond() - startedAt > timeout.toSeconds() || startedAt > now.getEpochSecond() + 60;
    }
}
