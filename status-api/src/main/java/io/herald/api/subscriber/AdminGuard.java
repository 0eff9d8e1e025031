package io.herald.api.subscriber;

import io.herald.api.problem.Problem;
import io.herald.api.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Interim operator check for the subscriber admin endpoints until the admin API's bearer tokens exist: the SHA-256 of
 * the bearer token must equal herald.subscribers.admin-token-sha256 (compared in constant time).
 */
@ApplicationScoped
public class AdminGuard {
    static final String OPERATOR = "admin-token";
    private final SubscriberConfig config;

    public AdminGuard(SubscriberConfig config) {
        this.config = config;
    }

    /** @return the name recorded as the operator who acted */
    public String operator(String authorization) {
        String expected = config.adminTokenSha256().orElse(null);
        if (expected == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized();
        }
        if (!Tokens.sameDigest(Tokens.sha256(authorization.substring(7).trim()), expected)) {
            throw unauthorized();
        }
        return OPERATOR;
    }

    private static ProblemException unauthorized() {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                "This operator endpoint needs 'Authorization: Bearer <admin token>'."));
    }
}
