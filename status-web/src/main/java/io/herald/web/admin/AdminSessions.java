package io.herald.web.admin;

import io.herald.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operators' sessions, kept in this process: the browser holds only a random id in an HttpOnly SameSite=Strict
 * cookie; status-api's bearer token and the session's CSRF token stay here. A restart logs everyone out, and
 * several status-web replicas need sticky sessions for the operators' pages (the public pages do not).
 */
@ApplicationScoped
public class AdminSessions {
    public static final String COOKIE = "herald_admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final WebConfig config;

    AdminSessions(WebConfig config) {
        this.config = config;
    }

    public record Session(String id, String token, String username, String displayName, String csrf,
            Instant expiresAt) {
    }

    public Session open(String token, String username, String displayName, Instant apiExpiresAt) {
        Instant limit = clock.instant().plus(config.adminSessionTimeout());
        Instant expires = apiExpiresAt != null && apiExpiresAt.isBefore(limit) ? apiExpiresAt : limit;
        Session session = new Session(random(), token, username, displayName == null ? username : displayName,
                random(), expires);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, or null (unknown or expired). */
    public Session find(String id) {
        if (id == null) {
            return null;
        }
        Session session = sessions.get(id);
        if (session != null && session.expiresAt().isBefore(clock.instant())) {
            sessions.remove(id);
            return null;
        }
        return session;
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** 256 random bits, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison, so a CSRF token cannot be guessed byte by byte. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
