package io.herald.model.problem;

import java.util.Map;

/**
 * Thrown while answering a request to answer with a problem detail; each service's problem mapper sends it. The
 * detail is shown to the caller as it is, so it is written for a person.
 */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** A problem answered with these extra headers (Retry-After, say). */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** A problem that only its HTTP status describes. */
    public ProblemException(int status, String detail) {
        this(Problem.ofStatus(status, detail));
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.ofStatus(404, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.ofStatus(409, detail));
    }

    /** A request field that is missing or has a wrong value (400); the detail says what is wrong with it. */
    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(Problem.of(400, "invalid-field", "Invalid field '" + field + "'", detail)
                .withField(field));
    }

    /** A well-formed request whose field names something that cannot be processed (422), such as an unknown check. */
    public static ProblemException unprocessableField(String field, String detail) {
        return new ProblemException(Problem.ofStatus(422, detail).withField(field));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.ofStatus(401, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.ofStatus(403, detail));
    }

    /**
     * A query parameter or header that is out of range or malformed (400, slug {@code bad-<name>}), naming it in
     * {@code field}.
     */
    public static ProblemException badParameter(String name, String title, String detail) {
        String slug = "bad-" + name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new ProblemException(Problem.of(400, slug, title, detail).withField(name));
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Problem.of(400, slug, title, detail));
    }
}
