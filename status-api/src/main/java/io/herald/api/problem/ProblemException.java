package io.herald.api.problem;

/** Thrown by resources to answer with a problem detail; the message is shown to the caller, so write it for a person. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final transient java.util.Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, java.util.Map.of());
    }

    /** A problem answered with these extra headers (Retry-After, say). */
    public ProblemException(Problem problem, java.util.Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = java.util.Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    /** A request field that is missing or wrong; the detail names the field. */
    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(Problem.of(400, "invalid-field", "Invalid field '" + field + "'", detail));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Problem.of(400, slug, title, detail));
    }
}
