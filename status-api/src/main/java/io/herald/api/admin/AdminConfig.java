package io.herald.api.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Admin API: sessions and the start-up bootstrap of a first token and operator. */
@ConfigMapping(prefix = "herald.api")
public interface AdminConfig {

    /**
     * SHA-256 (hex) of a token to store as the admin-scoped token "bootstrap" when no token exists yet
     * (env HERALD_API_BOOTSTRAP_ADMIN_TOKEN_SHA256).
     */
    Optional<String> bootstrapAdminTokenSha256();

    /** Username of an admin operator to create when no operator exists (env HERALD_API_BOOTSTRAP_ADMIN_USER). */
    Optional<String> bootstrapAdminUser();

    /** That operator's password as a bcrypt hash (env HERALD_API_BOOTSTRAP_ADMIN_PASSWORD_BCRYPT). */
    Optional<String> bootstrapAdminPasswordBcrypt();

    Session session();

    interface Session {
        /** How long an operator session lasts (env HERALD_API_SESSION_LIFETIME). */
        @WithDefault("12h")
        Duration lifetime();

        /**
         * Password sign-in attempts for one operator name at once (env HERALD_API_SESSION_LOGIN_BURST); counted
         * in Redis across replicas, whatever the address they come from (status-web makes them all).
         */
        @WithDefault("10")
        int loginBurst();

        /** Attempts given back per minute and operator name (env HERALD_API_SESSION_LOGIN_PER_MINUTE). */
        @WithDefault("5")
        int loginPerMinute();
    }
}
