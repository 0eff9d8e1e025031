package io.herald.api.admin.oidc;

import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;

/** The answers of an OpenID Connect sign-in that did not open a session; each detail is written for the operator. */
final class OidcProblems {
    private OidcProblems() {
    }

    static ProblemException notConfigured() {
        return new ProblemException(Problem.of(404, "oidc-not-configured", "Single sign-on is not configured",
                "This status-api has no OpenID Connect provider (herald.api.oidc.issuer, client-id and "
                        + "client-secret); operators sign in with their password."));
    }

    /** The provider could not be used: unreachable, an error answer, or a document that is not OIDC. */
    static ProblemException provider(String detail) {
        return new ProblemException(Problem.of(502, "oidc-provider-failed", "Identity provider failed", detail));
    }

    /** The code or the ID token is not acceptable: the sign-in must start again. */
    static ProblemException rejected(String detail) {
        return new ProblemException(Problem.of(401, "oidc-rejected", "Sign-in rejected", detail));
    }

    /** The person is who the provider says, but may not use Herald. */
    static ProblemException notAllowed(String detail) {
        return new ProblemException(Problem.of(403, "oidc-not-an-operator", "Not an operator", detail));
    }
}
