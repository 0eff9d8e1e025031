package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.web.WebConfig;
import io.herald.web.view.ViewAssembler;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Operators' sessions without any state in status-web: the browser's HttpOnly SameSite=Strict cookie carries
 * status-api's opaque session token (status-api keeps only its SHA-256), the form's CSRF token is derived from it,
 * and who the operator is, and whether the session still lives, is asked of status-api on each page. So any replica
 * serves any operator, a restart logs nobody out, and a logout or an expiry at status-api ends the session on every
 * replica at once.
 */
@ApplicationScoped
public class AdminSessions {
    public static final String COOKIE = "herald_admin";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CSRF_LABEL = "herald-web admin form v1".getBytes(StandardCharsets.US_ASCII);

    private final AdminApiClient api;
    private final WebConfig config;
    private final Clock clock = Clock.systemUTC();

    AdminSessions(AdminApiClient api, WebConfig config) {
        this.api = api;
        this.config = config;
    }

    public record Session(String token, String username, String displayName, String csrf, Instant expiresAt) {
    }

    /** status-api could not say whether the session lives (unreachable, or an answer that is neither yes nor no). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The live session this cookie carries, or null: no cookie, or status-api does not know it (expired, logged out,
     * revoked), or it is older than herald.web.admin-session-timeout (then it is also ended at status-api).
     */
    public Uni<Session> resolve(String token) {
        if (!plausible(token)) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().completionStage(() -> api.call(HttpMethod.GET, "/api/v1/auth/sessions/current", token,
                        null).toCompletionStage())
                .onFailure().transform(e -> new Unavailable("status-api cannot be reached"))
                .flatMap(answer -> {
                    if (answer.status() == 401 || answer.status() == 400 || answer.status() == 403) {
                        return Uni.createFrom().nullItem();
                    }
                    if (answer.status() != 200 || answer.body() == null) {
                        return Uni.createFrom().failure(new Unavailable("status-api answered HTTP " + answer.status()));
                    }
                    JsonNode json = answer.body();
                    Instant created = ViewAssembler.instant(json.path("created_at").asText(null));
                    if (created != null && created.plus(config.adminSessionTimeout()).isBefore(clock.instant())) {
                        return revoke(token).replaceWith((Session) null);
                    }
                    String username = json.path("username").asText("");
                    return Uni.createFrom().item(new Session(token, username,
                            json.path("display_name").asText(username), csrf(token),
                            ViewAssembler.instant(json.path("expires_at").asText(null))));
                });
    }

    /** Ends the session at status-api (every replica then refuses it); a failure there is ignored. */
    public Uni<Void> revoke(String token) {
        return Uni.createFrom().completionStage(() -> api.call(HttpMethod.DELETE, "/api/v1/auth/sessions/current",
                        token, null).toCompletionStage())
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Seconds the cookie may live: until status-api's expiry or herald.web.admin-session-timeout, the earlier. */
    public long cookieMaxAge(Instant apiExpiresAt) {
        Instant now = clock.instant();
        Instant limit = now.plus(config.adminSessionTimeout());
        Instant until = apiExpiresAt != null && apiExpiresAt.isBefore(limit) ? apiExpiresAt : limit;
        return Math.max(0, until.getEpochSecond() - now.getEpochSecond());
    }

    /**
     * The CSRF token of the forms of a session: HMAC-SHA256 keyed with the session token over a fixed label. It can
     * only be computed by someone who has the token (which a cross-site attacker has not), and it reveals nothing of
     * the token, which never appears in a page.
     */
    public static String csrf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_LABEL));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether a form's CSRF field belongs to the session in this cookie; checked before anything reaches status-api. */
    public static boolean csrfMatches(String token, String presented) {
        return plausible(token) && same(csrf(token), presented);
    }

    /** A session token is short, URL-safe text; anything else is not sent to status-api at all. */
    static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= 256 && token.matches("[A-Za-z0-9_.~-]+");
    }

    /** 256 random bits, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison, so a CSRF token or an OIDC state cannot be guessed byte by byte. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
